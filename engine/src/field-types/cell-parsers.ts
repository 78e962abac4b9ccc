import type { FieldDefinition, LocalizedText } from '@tessera/metadata';
import { cellMessage } from './cell-messages';
import type { CellParser, ImportCell, ParsedCell } from './cell-parser-types';

// The parsers field types use for imported cells (`parseCell` on a definition). Plugins compose
// them too: a star rating reads a cell as a whole number like any integer field.

const ok = (value: unknown): ParsedCell => ({ ok: true, value });
const fail = (message: LocalizedText): ParsedCell => ({ ok: false, message });

/** The cell as the user typed it (for messages and the rejected-rows file). */
export function cellText(cell: ImportCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

/** Separators of several values in one cell: commas, semicolons, the Chinese 、，；, pipes and new lines. */
export const splitCellList = (text: string) => text.split(/[,;，；、|\n]/).map((s) => s.trim()).filter(Boolean);

const CURRENCY = /^(?:[¥￥$€£]|CNY|RMB|USD|EUR)\s*|\s*(?:元|CNY|RMB|USD|EUR)$/gi;

/** `digits` (a plain decimal) times 10^`places`, moved on the text so no float error creeps in (1.15万 is 11500). */
function shiftDecimal(digits: string, places: number): string {
  const [int, frac = ''] = digits.split('.');
  const padded = frac.padEnd(places, '0');
  return `${int}${padded.slice(0, places)}.${padded.slice(places) || '0'}`;
}

const UNITS: Record<string, number> = { 万: 4, 亿: 8 };

/**
 * 1234.56, 1,234.56, ¥1,234.56, 1,234.56元, -1,234.56, (1,234.56), full-width digits, and the
 * Chinese units 万 and 亿 (1.5万 is 15000); with `percent`, 12% too.
 */
export function parseNumberCell(cell: ImportCell, kind: 'number' | 'integer', percent = false): ParsedCell {
  if (typeof cell === 'number') return kind === 'integer' && !Number.isInteger(cell) ? fail(cellMessage('notInteger', { value: cell })) : ok(cell);
  const raw = cellText(cell);
  // NFKC: full-width digits, commas and points (１，２３４．５６) read as their ASCII forms.
  let text = raw.normalize('NFKC').replace(/\s+/g, ' ').replace(CURRENCY, '').trim();
  const unit = /^(.*?)\s*(万|亿)$/.exec(text);
  let places = 0;
  if (unit) {
    text = unit[1].replace(CURRENCY, '').trim();
    places = UNITS[unit[2]];
  }
  let sign = 1;
  if (/^\(.*\)$/.test(text)) {
    sign = -1;
    text = text.slice(1, -1).trim();
  }
  if (percent) text = text.replace(/[%％]$/, '').trim();
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[-+]?\.\d+$/.test(text)) return fail(cellMessage('notNumber', { value: raw }));
  const plain = text.replace(/,/g, '').replace(/^\+/, '');
  const value = sign * Number(places ? shiftDecimal(plain, places) : plain);
  if (!Number.isFinite(value)) return fail(cellMessage('notNumber', { value: raw }));
  if (kind === 'integer' && !Number.isInteger(value)) return fail(cellMessage('notInteger', { value: raw }));
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

/** A date: the formats above, or an Excel date (a Date, whose calendar day is taken as written). */
export function parseDateCell(cell: ImportCell): ParsedCell {
  if (cell instanceof Date) return ok(cell.toISOString().slice(0, 10));
  const raw = cellText(cell);
  const split = splitDate(raw);
  // A date column exported with midnight times ("2024-01-05 00:00:00") still reads as the date.
  if (!split || (split.rest !== '' && !/^T?00:00(:00(\.0+)?)?Z?$/.test(split.rest))) return fail(cellMessage('notDate', { value: raw }));
  return ok(split.date);
}

/** Minutes east of UTC that `zone` is at `utcMs`. */
function zoneOffsetMinutes(zone: string, utcMs: number): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - utcMs) / 60000);
}

/**
 * The time after a date: `14:30`, `14:30:05`, `T14:30`, or as written in Chinese — `下午3:30`,
 * `下午3点30分`, `15点`, `上午9时` (上午/早上 before noon; 下午/晚上 after; 中午 at noon). Empty is midnight.
 */
function timeOfDay(rest: string): [number, number, number] | undefined {
  if (rest === '') return [0, 0, 0];
  const m = /^(?:T|\s)?(上午|早上|中午|下午|晚上)?\s*(\d{1,2})(?::(\d{2})(?::(\d{2}))?|\s*[点时](?:\s*(\d{1,2})\s*分)?(?:\s*(\d{1,2})\s*秒)?)$/.exec(rest);
  if (!m) return undefined;
  let h = Number(m[2]);
  const min = Number(m[3] ?? m[5] ?? 0);
  const s = Number(m[4] ?? m[6] ?? 0);
  if (m[1]) {
    if (h < 1 || h > 12) return undefined;
    if ((m[1] === '下午' || m[1] === '晚上') && h < 12) h += 12;
    if ((m[1] === '上午' || m[1] === '早上') && h === 12) h = 0;
  }
  return [h, min, s];
}

/**
 * A date and time: ISO 8601 with a zone as given; a date with an optional `HH:mm[:ss]` read as
 * wall-clock time in `zone`. Excel date-times carry no zone: their written digits are read in
 * `zone` too.
 */
export function parseDateTimeCell(cell: ImportCell, zone: string): ParsedCell {
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
    const time = split && timeOfDay(split.rest);
    if (!split || !time) return fail(cellMessage('notDateTime', { value: raw }));
    date = split.date;
    [h, min, s] = time;
    if (h > 23 || min > 59 || s > 59) return fail(cellMessage('notDateTime', { value: raw }));
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

/** 是/否, yes/no, true/false, 1/0, ✓/×, or an Excel boolean. */
export function parseBooleanCell(cell: ImportCell): ParsedCell {
  if (typeof cell === 'boolean') return ok(cell);
  const text = cellText(cell).toLowerCase();
  if (TRUE.has(text)) return ok(true);
  if (FALSE.has(text)) return ok(false);
  return fail(cellMessage('notBoolean', { value: cellText(cell) }));
}

const norm = (s: string | undefined) => (s ?? '').normalize('NFKC').trim().toLowerCase();

/** An option by its stored value or its label in either language (case, width and spacing ignored). */
export function parseOptionText(text: string, field: FieldDefinition): ParsedCell {
  const options = field['x-options'] ?? [];
  const wanted = norm(text);
  const found = options.find((o) => norm(o.value) === wanted) ?? options.find((o) => norm(o.label.en) === wanted || norm(o.label.zh) === wanted);
  if (found) return ok(found.value);
  return fail(cellMessage('unknownOption', {
    value: text,
    options: { en: options.map((o) => o.label.en || o.value).join(', '), zh: options.map((o) => o.label.zh || o.label.en || o.value).join('、') },
  }));
}

/** Several options in one cell, split at any of `splitCellList`'s separators; repeats kept once. */
export function parseOptionsCell(cell: ImportCell, field: FieldDefinition): ParsedCell {
  const values: unknown[] = [];
  for (const part of splitCellList(cellText(cell))) {
    const one = parseOptionText(part, field);
    if (!one.ok) return one;
    if (!values.includes(one.value)) values.push(one.value);
  }
  return ok(values);
}

/**
 * Text as written. Excel may hand a phone number or a code over as a number: it is text here.
 * A text field with options (a code list) takes an option by label like a select.
 */
export const parseTextCell: CellParser = (cell, field) => {
  if (field['x-options']) return parseOptionText(cellText(cell), field);
  return ok(typeof cell === 'number' && Number.isInteger(cell) ? String(cell) : cellText(cell));
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record id (a relation's target, a user): names are resolved by the importer, not here. */
export function parseIdCell(cell: ImportCell): ParsedCell {
  const text = cellText(cell);
  return UUID.test(text) ? ok(text.toLowerCase()) : fail(cellMessage('notId', { value: text }));
}

/** Several ids in one cell (a many-to-many relation). */
export function parseIdsCell(cell: ImportCell): ParsedCell {
  const ids: string[] = [];
  for (const part of splitCellList(cellText(cell))) {
    const one = parseIdCell(part);
    if (!one.ok) return one;
    if (!ids.includes(one.value as string)) ids.push(one.value as string);
  }
  return ok(ids);
}

/** A JSON document written in the cell. */
export function parseJsonCell(cell: ImportCell): ParsedCell {
  if (typeof cell === 'number' || typeof cell === 'boolean') return ok(cell);
  const text = cellText(cell);
  try {
    return ok(JSON.parse(text));
  } catch {
    return fail(cellMessage('notJson', { value: text }));
  }
}
