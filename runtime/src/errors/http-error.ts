/** One problem with one field of a request, as the API reports it. */
export interface ErrorDetail {
  field: string;
  rule: string;
  message: string;
}

/**
 * An error the client caused or may act on; the error handler turns it into its status and
 * the `{ error: { code, message, details? } }` envelope. Anything else is a 500.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: readonly unknown[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const isHttpError = (err: unknown): err is HttpError => err instanceof HttpError;

export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const badRequest = (message: string, details?: ErrorDetail[]) => new HttpError(400, 'bad_request', message, details);
export const validationFailed = (details: ErrorDetail[]) =>
  new HttpError(422, 'validation_failed', details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
