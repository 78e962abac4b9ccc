const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An API timestamp (ISO 8601 with zone, or PostgreSQL's `2024-05-01 08:30:00+00`) as the
 * local `yyyy-MM-ddThh:mm` an `<input type="datetime-local">` shows; '' when absent or invalid.
 */
export function isoToLocalInput(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const normalized = value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const date = new Date(normalized);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The input's local time back to an ISO `date-time` in UTC, the format the schema validates. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value); // no zone in the string: the browser reads it as local time
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
