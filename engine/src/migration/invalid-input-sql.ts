import type { ColumnType } from '../field-types/field-type-types';
// No "?" anywhere in this SQL: knex treats it as a binding placeholder, so optionals are {0,1}.

// PostgreSQL 16 has pg_input_is_valid; CI runs 15. These checks need nothing beyond 9.x:
// a value passes only when a strict pattern matches AND (inside CASE, which PostgreSQL
// evaluates in order, so the cast below never sees a non-matching value) the parsed value
// fits the target. They are stricter than PostgreSQL's own input functions (ISO dates only,
// no 'NaN', no 'yesterday'): a value they reject is reported, never silently converted.

const INTEGER = '^\\s*[+-]{0,1}[0-9]+\\s*$';
const DECIMAL = '^\\s*[+-]{0,1}([0-9]+\\.{0,1}[0-9]*|\\.[0-9]+)([eE][+-]{0,1}[0-9]{1,3}){0,1}\\s*$';
const BOOLEAN = '^\\s*(t|tr|tru|true|y|ye|yes|on|1|f|fa|fal|fals|false|n|no|of|off|0)\\s*$';
const UUID = '^\\{{0,1}[0-9a-fA-F]{4}(-{0,1}[0-9a-fA-F]{4}){7}\\}{0,1}$';
const DATE = '^\\s*([0-9]{4})-([0-9]{2})-([0-9]{2})';
const TIME = '([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6}){0,1}){0,1}){0,1}\\s*(Z|z|[+-]([01][0-9]|2[0-3])(:{0,1}[0-5][0-9]){0,1}){0,1}\\s*$';

const RANGES: Record<string, [string, string]> = {
  smallint: ['-32768', '32767'],
  integer: ['-2147483648', '2147483647'],
  bigint: ['-9223372036854775808', '9223372036854775807'],
};

/** True when `value` (text, not null) has a real calendar date in its first 10 characters. */
function validDateSql(value: string): string {
  const part = (n: number) => `(regexp_match(${value}, '${DATE}'))[${n}]::int`;
  const [y, m, d] = [part(1), part(2), part(3)];
  // make_date would raise on a bad day; the last day of the month is computed from the 1st instead.
  return `(${m} between 1 and 12 and ${y} between 1 and 9999 and ${d} between 1 and extract(day from make_date(${y}, ${m}, 1) + interval '1 month - 1 day'))`;
}

/**
 * A SQL boolean that is true when the non-null text expression `value` would not convert to
 * `target`. `value` is repeated, so pass a column expression, not a subquery.
 */
export function invalidInputSql(value: string, target: ColumnType): string {
  switch (target.kind) {
    case 'smallint':
    case 'integer':
    case 'bigint': {
      const [min, max] = RANGES[target.kind];
      return `case when ${value} ~ '${INTEGER}' then ${value}::numeric not between ${min} and ${max} else true end`;
    }
    case 'numeric': {
      const digits = target.precision - target.scale;
      return `case when ${value} ~ '${DECIMAL}' then abs(round(${value}::numeric, ${target.scale})) >= 1e${digits} else true end`;
    }
    case 'boolean':
      return `not (${value} ~* '${BOOLEAN}')`;
    case 'uuid':
      return `not (${value} ~ '${UUID}')`;
    case 'date':
      return `case when ${value} ~ '${DATE}\\s*$' then not ${validDateSql(value)} else true end`;
    case 'timestamptz':
      return `case when ${value} ~ '${DATE}${TIME}' then not ${validDateSql(value)} else true end`;
    case 'varchar':
      return `length(${value}) > ${target.length}`;
    case 'text':
      return 'false';
    default:
      throw new Error(`No input check for ${target.kind}`);
  }
}
