import pg from 'pg';

// OIDs of the types whose default parsing differs between pg and PGlite.
const OID = { INT8: 20, JSON: 114, TIMESTAMP: 1114, TIMESTAMPTZ: 1184, DATE: 1082, NUMERIC: 1700, JSONB: 3802 } as const;
const asText = (value: string) => value;
const parseTimestamptz = pg.types.getTypeParser(OID.TIMESTAMPTZ, 'text') as (value: string) => unknown;

/**
 * Both drivers get the same parsers, so a value crosses the boundary the same way on each:
 * dates stay `YYYY-MM-DD` text (pg would make a Date at local midnight, shifting the day),
 * numeric and int8 stay text (exact), timestamps are parsed by pg's parser; field types'
 * `fromDb` turn them into API values.
 */
export const sharedParsers: Record<number, (value: string) => unknown> = {
  [OID.INT8]: asText,
  [OID.DATE]: asText,
  [OID.NUMERIC]: asText,
  [OID.TIMESTAMP]: pg.types.getTypeParser(OID.TIMESTAMP, 'text'),
  [OID.TIMESTAMPTZ]: parseTimestamptz,
  [OID.JSON]: (value) => JSON.parse(value),
  [OID.JSONB]: (value) => JSON.parse(value),
};

/**
 * A timestamptz as the API shows it (`Date#toISOString`), straight from PostgreSQL's text. A
 * session in UTC sends `2024-01-01 00:00:01.123456+00`, which only needs rearranging: parsing
 * it into a Date and printing that again cost a 50-row page ~150 µs of a ~1 ms request. Any
 * other shape (another time zone, BC, a five-digit year, infinity) goes the long way.
 */
export function timestamptzToIso(text: string): unknown {
  const n = text.length;
  if (n >= 22 && n <= 29 && text[4] === '-' && text[10] === ' ' && text[n - 3] === '+' && text[n - 2] === '0' && text[n - 1] === '0') {
    if (n === 22) return `${text.slice(0, 10)}T${text.slice(11, 19)}.000Z`;
    // PostgreSQL drops trailing zeros of the fraction; a Date keeps whole milliseconds (truncated).
    if (text[19] === '.') return `${text.slice(0, 10)}T${text.slice(11, 19)}.${`${text.slice(20, Math.min(23, n - 3))}00`.slice(0, 3)}Z`;
  }
  const parsed = parseTimestamptz(text);
  return parsed instanceof Date ? parsed.toISOString() : parsed;
}

/** The parsers of rows read only to be shown through the API: timestamps arrive as ISO text. */
export const apiReadParsers: Record<number, (value: string) => unknown> = { ...sharedParsers, [OID.TIMESTAMPTZ]: timestamptzToIso };

/** pg's per-client or per-query `types` for a parser table (other types: pg's defaults). */
export const pgTypes = (parsers: Record<number, (value: string) => unknown>) => ({
  getTypeParser: (oid: number, format?: string) => parsers[oid] ?? pg.types.getTypeParser(oid, (format ?? 'text') as 'text'),
});

/**
 * Query options that make either driver return API-ready timestamps: pg reads `types`, PGlite
 * `parsers`; each ignores the other's. For reads whose rows go only to `rowToRecord`; rows that
 * plugins, workflows or jobs see keep their Date objects.
 */
export const API_READ_OPTIONS = { types: pgTypes(apiReadParsers), parsers: apiReadParsers };
