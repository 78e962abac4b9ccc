/** One field problem the server reports in a 422 (`details` of the error envelope). */
export interface FieldErrorDetail {
  field: string;
  rule: string;
  message: string;
  /** The metadata's own words in each language, where the server has them (a conflict check's message). */
  messages?: Record<string, string>;
}

/**
 * A failed API call carrying the runtime's error envelope
 * `{ error: { code, message, details? } }`, so the UI can map details onto fields.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
