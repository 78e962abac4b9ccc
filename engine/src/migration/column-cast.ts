import type { ColumnType } from '../field-types/field-type-types';
import { invalidInputSql } from './invalid-input-sql';
import { columnTypeSql, ident, literal } from './migration-sql';

export type ColumnCast =
  | {
      ok: true;
      /** The USING expression of ALTER COLUMN TYPE. */
      using: string;
      /** Every value survives unchanged: no precheck, nothing lost. */
      lossless: boolean;
      /** Converts, but drops detail (rounding, time of day, all but one array element). */
      lossy: boolean;
      /** Rows whose value would not convert; the step refuses when any exist. */
      failingWhere?: string;
    }
  | { ok: false; reason: string };

const TEXTUAL = new Set(['text', 'varchar']);

/** Lists and JSON are not mapped value by value. */
const UNMAPPED = new Set(['text-array', 'uuid-array', 'jsonb']);

/** Old value (its text form) → the new value's text form, or null to empty it. */
export type ValueMapping = Record<string, string | null>;

/** `expr` with each mapped value replaced (a CASE over its text form); unmapped values pass through. */
export function mappedTextSql(expr: string, mapping: ValueMapping): string {
  const arms = Object.entries(mapping).map(([from, to]) => `when ${literal(from)} then ${to === null ? 'null' : literal(to)}`);
  return arms.length === 0 ? expr : `(case ${expr} ${arms.join(' ')} else ${expr} end)`;
}
const INTEGERS: Record<string, number> = { smallint: 1, integer: 2, bigint: 3 };

/** Integer digits a column can hold; Infinity for unbounded kinds. */
function integerDigits(type: ColumnType): number {
  return type.kind === 'numeric' ? type.precision - type.scale : Infinity;
}

/**
 * How a column's values become `to` values. Widening casts are lossless; narrowing ones
 * carry a precheck; conversions PostgreSQL would do silently with loss (varchar truncation,
 * numeric rounding, timestamptz → date) are flagged lossy so the step counts as destructive.
 * Parseable conversions are checked with patterns and range checks (invalidInputSql), which
 * work on PostgreSQL 15 as on PGlite (pg_input_is_valid is 16+).
 */
export function columnCast(column: string, from: ColumnType, to: ColumnType, mapping?: ValueMapping): ColumnCast {
  const col = ident(column);
  const target = columnTypeSql(to);
  const checked = (failingWhere: string, using = `${col}::text::${target}`): ColumnCast => ({ ok: true, using, lossless: false, lossy: false, failingWhere });
  // jsonb strings lose their quotes (#>> '{}'); everything else is read as its text form.
  const plain = from.kind === 'jsonb' ? `(${col} #>> '{}')` : `${col}::text`;
  if (mapping && Object.keys(mapping).length > 0 && !UNMAPPED.has(from.kind) && !UNMAPPED.has(to.kind)) {
    // A type change with a value mapping (ADR 0035): mapped values are rewritten in the same
    // cast, everything else converts (or fails the precheck) as it would without one.
    const mapped = mappedTextSql(plain, mapping);
    if (to.kind === 'text' || to.kind === 'varchar' || to.kind === 'char') {
      const failingWhere = to.kind === 'text' ? undefined : to.kind === 'varchar' ? `length(${mapped}) > ${to.length}` : `length(${mapped}) <> ${to.length}`;
      return { ok: true, using: `${mapped}::${target}`, lossless: false, lossy: true, ...(failingWhere ? { failingWhere } : {}) };
    }
    return { ok: true, using: `${mapped}::${target}`, lossless: false, lossy: true, failingWhere: `${mapped} is not null and ${invalidInputSql(mapped, to)}` };
  }
  const text = plain;
  const parses = () => checked(invalidInputSql(text, to), `${text}::${target}`);

  if (from.kind === 'text-array') {
    if (to.kind === 'jsonb') return { ok: true, using: `to_jsonb(${col})`, lossless: true, lossy: false };
    if (to.kind === 'text') return { ok: true, using: `array_to_string(${col}, ', ')`, lossless: false, lossy: true };
    // Several selected values cannot become one without choosing; only single-valued rows convert.
    return { ok: true, using: `${col}[1]::${target}`, lossless: false, lossy: false, failingWhere: `case when cardinality(${col}) > 1 then true when ${col}[1] is null then false else ${invalidInputSql(`${col}[1]`, to)} end` };
  }
  switch (to.kind) {
    case 'text':
      return { ok: true, using: from.kind === 'jsonb' ? `${col} #>> '{}'` : `${col}::text`, lossless: true, lossy: false };
    case 'varchar':
      // An explicit cast to varchar(n) truncates silently; refuse instead.
      if (from.kind === 'varchar' && from.length <= to.length) return { ok: true, using: `${col}::${target}`, lossless: true, lossy: false };
      return checked(`length(${from.kind === 'jsonb' ? `${col} #>> '{}'` : `${col}::text`}) > ${to.length}`, `${from.kind === 'jsonb' ? `(${col} #>> '{}')` : `${col}::text`}::${target}`);
    case 'jsonb':
      return { ok: true, using: `to_jsonb(${col})`, lossless: true, lossy: false };
    case 'text-array':
      if (TEXTUAL.has(from.kind)) return { ok: true, using: `case when ${col} is null then null else array[${col}::text] end`, lossless: true, lossy: false };
      return { ok: false, reason: `a ${columnTypeSql(from)} column cannot become a list of values` };
    case 'numeric':
      if (from.kind === 'numeric' || from.kind in INTEGERS) {
        const fromScale = from.kind === 'numeric' ? from.scale : 0;
        const overflow = integerDigits(to) < integerDigits(from);
        const rounds = to.scale < fromScale;
        if (!overflow && !rounds) return { ok: true, using: `${col}::${target}`, lossless: true, lossy: false };
        const cast: ColumnCast = { ok: true, using: `${col}::${target}`, lossless: false, lossy: rounds };
        // A value with too many integer digits fails the cast; count those rows first.
        return overflow ? { ...cast, failingWhere: `abs(${col}) >= 1e${integerDigits(to)}` } : cast;
      }
      return parses();
    case 'smallint':
    case 'integer':
    case 'bigint':
      if (from.kind in INTEGERS && INTEGERS[from.kind] <= INTEGERS[to.kind]) return { ok: true, using: `${col}::${target}`, lossless: true, lossy: false };
      return parses();
    case 'timestamptz':
      if (from.kind === 'date') return { ok: true, using: `${col}::timestamptz`, lossless: true, lossy: false };
      return parses();
    case 'date':
      if (from.kind === 'timestamptz') return { ok: true, using: `${col}::date`, lossless: false, lossy: true };
      return parses();
    case 'boolean':
    case 'uuid':
      if (from.kind === 'uuid-array' && to.kind === 'uuid') return { ok: true, using: `${col}[1]`, lossless: false, lossy: false, failingWhere: `cardinality(${col}) > 1` };
      return parses();
    case 'uuid-array':
      // One file becomes a list of one (a file field made multiple); nothing else holds file ids.
      if (from.kind === 'uuid') return { ok: true, using: `case when ${col} is null then null else array[${col}] end`, lossless: true, lossy: false };
      return { ok: false, reason: `a ${columnTypeSql(from)} column cannot become a list of ids` };
    case 'char':
      return checked(`length(${text}) <> ${to.length}`, `${text}::${target}`);
  }
}
