import type { ErrorSchema } from '@rjsf/utils';
import type { FieldErrorDetail } from '../api/api-error';

/**
 * Splits a 422's details into rjsf `extraErrors` (shown at the field) and the messages about
 * fields the form does not show (shown in the banner, so nothing is silently dropped).
 */
export function detailsToExtraErrors(details: readonly FieldErrorDetail[], formFields: readonly string[], locale?: string): { extraErrors: ErrorSchema; unplaced: string[] } {
  const extraErrors: Record<string, { __errors: string[] }> = {};
  const unplaced: string[] = [];
  for (const detail of details) {
    // Details may name a field plainly (`email`) or as a pointer (`/email`).
    const field = detail.field?.replace(/^\//, '').split('/')[0] ?? '';
    const message = (locale && detail.messages?.[locale]) || detail.message;
    if (field && formFields.includes(field)) (extraErrors[field] ??= { __errors: [] }).__errors.push(message);
    else unplaced.push(field ? `${field}: ${message}` : message);
  }
  return { extraErrors: extraErrors as ErrorSchema, unplaced };
}
