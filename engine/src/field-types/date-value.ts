const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A calendar date read from the database as 'YYYY-MM-DD'. node-postgres builds a Date at
 * local midnight while PGlite builds one at UTC midnight; a Date exactly at UTC midnight is
 * read in UTC, any other in local time, so both drivers give the stored day in every zone.
 */
export function dateFromDb(value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  const utcMidnight =
    value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0 && value.getUTCMilliseconds() === 0;
  return utcMidnight
    ? `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
    : `${pad(value.getFullYear(), 4)}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** A timestamptz read from the database as an ISO 8601 string in UTC. */
export function dateTimeFromDb(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}
