import { ApiError } from '../api/api-error';

/** An API failure split for a form: messages per field (422 details), and the rest as one line. */
export interface FormErrors {
  fields: Record<string, string>;
  message?: string;
}

export function toFormErrors(error: unknown): FormErrors {
  if (error instanceof ApiError && error.details.length > 0 && error.details.every((d) => d.field)) {
    const fields: Record<string, string> = {};
    for (const d of error.details) fields[d.field] = fields[d.field] ? `${fields[d.field]}; ${d.message}` : d.message;
    return { fields };
  }
  return { fields: {}, message: error instanceof Error ? error.message : String(error) };
}
