import type { FieldDefinition } from '@tessera/metadata';
import type { ValueKind } from '@tessera/engine';
import { importMessage, labelOf } from './import-messages';
import type { ImportLocale, RawCell } from './import-types';

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const ok = (value: unknown): Parsed => ({ ok: true, value });
const fail = (message: string): Parsed => ({ ok: false, message });

/** The cell as the user typed it (for messages and the result file). */
export function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

export const isBlank = (cell: RawCell) => cellText(cell) === '';

/** Separators of several values in one cell: commas, semicolons, the Chinese 、，；, pipes and new lines. */
export const splitList = (text: string) => text.split(/[,;，；、|\n]/).map((s) => s.trim()).filter(Boolean);

const CURRENCY = /^(?:[¥￥$€£]|CNY|RMB|USD|EUR)\s*|\s*(?:元|CNY|RMB|USD|EUR)$/gi;

/** 1234.56, 1,234.56, ¥1,234.56, -1,234.56, (1,234.56), 12% (for percent fields). */
export function parseNumber(cell: RawCell, kind: 'number' | 'integer', locale: ImportLocale, percent = false): Parsed {
  if (typeof cell === 'number') return kind === 'integer' && !Number.isInteger(cell) ? fail(importMessage('notInteger', locale, { value: cell })) : ok(cell);
  const raw = cellText(cell);
  let text = raw.replace(/\s+/g, ' ').replace(CURRENCY, '').trim();
  let sign = 1;
  if (/^\(.*\)$/.test(text)) {
    sign = -1;
    text = text.slice(1, -1).trim();
  }
  if (percent) text = text.replace(/%$/, '').trim();
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[-+]?\.\d+$/.test(text)) return fail(importMessage('notNumber', locale, { value: raw }));
  const value = sign * Number(text.replace(/,/g, ''));
  if (!Number.isFinite(value)) return fail(importMessage('notNumber', locale, { value: raw }));
  if (kind === 'integer' && !Number.isInteger(value)) return fail(importMessage('notInteger', locale, { value: raw }));
  return ok(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

function calendarDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The date part and what follows it: 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 01/05/2024 (US: month first). */
function splitDate(text: string): { date: string; rest: string } | undefined {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(.*)$/.exec(text);
  if (m) return withRest(calendarDate(+m[1], +m[2], +m[3]), m[4]);
  m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(.*)$/.exec(text);
  if (m) return withRest(calendarDate(+m[1], +m[2], +m[3]), m[4]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(.*)$/.exec(text);
  if (m) return withRest(calendarDate(+m[3], +m[1], +m[2]), m[4]);
  return undefined;
}
const withRest = (date: string | undefined, rest: string) => (date ? { date, rest: rest.trim() } : undefined);

/** A date cell: the formats above, or an Excel date (a Date, whose calendar day is taken as written). */
export function parseDate(cell: RawCell, locale: ImportLocale): Parsed {
  if (cell instanceof Date) return ok(cell.toISOString().slice(0, 10));
  const raw = cellText(cell);
  const split = splitDate(raw);
  // A date column exported with midnight times ("2024-01-05 00:00:00") still reads as the date.
  if (!split || (split.rest !== '' && !/^T?00:00(:00(\.0+)?)?Z?$/.test(split.rest))) return fail(importMessage('notDate', locale, { value: raw }));
  return ok(split.date);
}

/** Minutes east of UTC that `zone` is at `utcMs`. */
function zoneOffsetMinutes(zone: string, utcMs: number): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - utcMs) / 60000);
}

/**
 * A date and time: ISO 8601 with a zone as given; a date with an optional `HH:mm[:ss]` (or
 * 下午3点 is not attempted) read as wall-clock time in `zone` (the app's TESSERA_JOBS_TZ).
 * Excel date-times carry no zone: their written digits are read in `zone` too.
 */
export function parseDateTime(cell: RawCell, zone: string, locale: ImportLocale): Parsed {
  const raw = cellText(cell);
  if (typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(raw)) {
    const ms = Date.parse(raw);
    if (!Number.isNaN(ms)) return ok(new Date(ms).toISOString());
  }
  let date: string;
  let h = 0;
  let min = 0;
  let s = 0;
  if (cell instanceof Date) {
    date = cell.toISOString().slice(0, 10);
    [h, min, s] = [cell.getUTCHours(), cell.getUTCMinutes(), cell.getUTCSeconds()];
  } else {
    const split = splitDate(raw);
    const time = split && /^(?:T|\s)?(\d{1,2}):(\d{2})(?::(\d{2}))?$|^$/.exec(split.rest);
    if (!split || !time) return fail(importMessage('notDateTime', locale, { value: raw }));
    date = split.date;
    [h, min, s] = [Number(time[1] ?? 0), Number(time[2] ?? 0), Number(time[3] ?? 0)];
    if (h > 23 || min > 59 || s > 59) return fail(importMessage('notDateTime', locale, { value: raw }));
  }
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, h, min, s);
  // Two passes settle the offset around a DST change (China has none; other zones do).
  let utc = wall - zoneOffsetMinutes(zone, wall) * 60000;
  utc = wall - zoneOffsetMinutes(zone, utc) * 60000;
  return ok(new Date(utc).toISOString());
}

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '真', '对', '√', '✓', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '假', '错', '×']);

export function parseBoolean(cell: RawCell, locale: ImportLocale): Parsed {
  if (typeof cell === 'boolean') return ok(cell);
  const text = cellText(cell).toLowerCase();
  if (TRUE.has(text)) return ok(true);
  if (FALSE.has(text)) return ok(false);
  return fail(importMessage('notBoolean', locale, { value: cellText(cell) }));
}

/** An option by its stored value or its label in either language (case and spacing ignored). */
export function parseOption(text: string, field: FieldDefinition, locale: ImportLocale): Parsed {
  const options = field['x-options'] ?? [];
  const norm = (s: string | undefined) => (s ?? '').normalize('NFKC').trim().toLowerCase();
  const wanted = norm(text);
  const found = options.find((o) => norm(o.value) === wanted) ?? options.find((o) => norm(o.label.en) === wanted || norm(o.label.zh) === wanted);
  if (found) return ok(found.value);
  return fail(importMessage('unknownOption', locale, { value: text, options: options.map((o) => labelOf(o.label, o.value, locale)).join(locale === 'zh' ? '、' : ', ') }));
}

/**
 * A cell for a field whose value needs no lookup; relations and users are resolved in batches
 * elsewhere (resolve-references). `kind` is the field type's value kind, so plugin types
 * parse by what their values are.
 */
export function parseCell(cell: RawCell, field: FieldDefinition, kind: ValueKind, zone: string, locale: ImportLocale): Parsed {
  const type = field['x-type'];
  if (type === 'select') return parseOption(cellText(cell), field, locale);
  if (type === 'multiselect') {
    const values: unknown[] = [];
    for (const part of splitList(cellText(cell))) {
      const one = parseOption(part, field, locale);
      if (!one.ok) return one;
      if (!values.includes(one.value)) values.push(one.value);
    }
    return ok(values);
  }
  if (field['x-options'] && kind === 'string') return parseOption(cellText(cell), field, locale);
  switch (kind) {
    case 'number':
    case 'integer':
      return parseNumber(cell, kind, locale, type === 'percent');
    case 'date':
      return parseDate(cell, locale);
    case 'datetime':
      return parseDateTime(cell, zone, locale);
    case 'boolean':
      return parseBoolean(cell, locale);
    case 'array':
      return ok(splitList(cellText(cell)));
    default:
      // Excel may hand a phone number or a code over as a number: it is text here.
      return ok(typeof cell === 'number' && Number.isInteger(cell) ? String(cell) : cellText(cell));
  }
}
