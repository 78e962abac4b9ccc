import type { FieldRef, FilterValue } from './query-types';
import { QUERY_LIMITS } from './query-types';

export type CoerceResult = { ok: true; value: FilterValue } | { ok: false; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// ISO 8601 as clients send it, and PostgreSQL's own text form (space, microseconds, `+00`),
// which keyset cursors carry so no precision is lost.
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const NUMBER = /^-?\d{1,20}(\.\d{1,20})?$/;

const fail = (message: string): CoerceResult => ({ ok: false, message });

/**
 * A value from the query string (always a string) or from a JSON filter, checked against
 * the field's kind and coerced. A value the database would reject with a type error is a
 * 400 here, so no malformed input reaches SQL even as a parameter.
 */
export function coerceQueryValue(raw: unknown, field: FieldRef): CoerceResult {
  if (raw === null) return { ok: true, value: null };
  if (typeof raw === 'string' && raw.length > QUERY_LIMITS.maxValueLength) {
    return fail(`is longer than ${QUERY_LIMITS.maxValueLength} characters`);
  }
  const text = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
  if (text === undefined) return fail(`must be a single value for "${field.path}"`);
  // NUL cannot be stored in a PostgreSQL text value; the driver would fail.
  if (text.includes('\u0000')) return fail('must not contain a NUL character');
  const checked = coerceText(text, field, raw);
  if (!checked.ok) return checked;
  if (field.enum && !field.enum.includes(checked.value)) {
    return fail(`must be one of ${field.enum.map((v) => JSON.stringify(v)).join(', ')} for "${field.path}"`);
  }
  return checked;
}

function coerceText(text: string, field: FieldRef, raw: unknown): CoerceResult {
  switch (field.kind) {
    case 'string':
    case 'array':
      return typeof raw === 'string' ? { ok: true, value: text } : fail(`must be text for "${field.path}"`);
    case 'number':
    case 'integer': {
      const ok = field.kind === 'integer' ? /^-?\d{1,15}$/.test(text) : NUMBER.test(text);
      const value = Number(text);
      // An int4 column rejects a larger parameter with a database error; refuse it here.
      if (!ok || !Number.isFinite(value) || (field.maxAbs !== undefined && Math.abs(value) > field.maxAbs)) {
        return fail(`must be ${field.kind === 'integer' ? 'a whole number' : 'a number'} in range for "${field.path}"`);
      }
      return { ok: true, value };
    }
    case 'boolean':
      if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
      return fail(`must be true or false for "${field.path}"`);
    case 'date':
      return DATE.test(text) && isRealDate(text) ? { ok: true, value: text } : fail(`must be a date (YYYY-MM-DD) for "${field.path}"`);
    case 'datetime':
      return DATETIME.test(text) && isRealDate(text.slice(0, 10)) && isRealTime(text)
        ? { ok: true, value: text }
        : fail(`must be an ISO 8601 date-time for "${field.path}"`);
    case 'uuid':
      return UUID.test(text) ? { ok: true, value: text.toLowerCase() } : fail(`must be a UUID for "${field.path}"`);
    default:
      return fail(`"${field.path}" cannot be compared with a value`);
  }
}

function isRealDate(ymd: string): boolean {
  const [y, m, d] = ymd.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isRealTime(text: string): boolean {
  const [h, m, sec = '0'] = text.slice(11, 19).split(':');
  return Number(h) < 24 && Number(m) < 60 && Number(sec.slice(0, 2)) < 60;
}
