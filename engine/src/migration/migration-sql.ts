import type { ColumnType } from '../field-types/field-type-types';
import { identifierName } from '../schema/identifier-name';

// Hand-written SQL for what knex's schema builder cannot express (USING casts, archive
// copies, DML). Identifiers are always quoted; literals are only ever built by `literal`.

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const qualified = (schema: string, name: string) => `${ident(schema)}.${ident(name)}`;

/** A SQL literal of a metadata value (a backfill, a select value). standard_conforming_strings is on since PostgreSQL 9.1. */
export function literal(value: unknown, type?: ColumnType): string {
  if (value === null || value === undefined) return 'null';
  if (type?.kind === 'jsonb') return `${literal(JSON.stringify(value))}::jsonb`;
  if (Array.isArray(value)) return `array[${value.map((v) => literal(v)).join(', ')}]::text[]`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} to the database`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return `${literal(JSON.stringify(value))}::jsonb`;
}

export function columnTypeSql(type: ColumnType): string {
  switch (type.kind) {
    case 'varchar': return `varchar(${type.length})`;
    case 'numeric': return `numeric(${type.precision}, ${type.scale})`;
    case 'text-array': return 'text[]';
    case 'uuid-array': return 'uuid[]';
    case 'char': return `char(${type.length})`;
    default: return type.kind;
  }
}

/** `a__b__tag`, hash-shortened past 63 bytes like every other generated name. */
export function archiveName(parts: readonly string[], tag: string): string {
  // identifierName joins with "_" and adds "_<suffix>"; the trailing "_" doubles it.
  return identifierName([`${parts.join('__')}_`], tag);
}

/** The precheck shape: how many rows of `table` match `where`, and up to 5 of their ids. */
export function countRowsSql(table: string, where: string): string {
  return `select count(*)::int as count, (array_agg(id::text order by id))[1:5] as samples from ${table} where ${where}`;
}

/** Values of `column` held by more than one row: what a new unique index would refuse. */
export function duplicateValuesSql(table: string, column: string): string {
  const col = ident(column);
  return `select count(*)::int as count, (array_agg(value order by value))[1:5] as samples from (select ${col}::text as value from ${table} where ${col} is not null group by ${col} having count(*) > 1) as duplicates`;
}

/**
 * Groups of rows sharing every value of `columns` (none empty, and only rows the partial index's
 * `predicate` covers): what a new composite unique index
 * would refuse. `count` is the number of groups; each sample names the values, how many
 * records share them and up to 3 of their ids, e.g. `customer=…, email=a@x.cn: 2 records (id1, id2)`.
 */
export function duplicateGroupsSql(table: string, columns: readonly string[], predicate?: string): string {
  const cols = columns.map(ident);
  const values = columns.map((name, i) => `${literal(`${name}=`)} || ${cols[i]}::text`).join(` || ', ' || `);
  const where = [...cols.map((c) => `${c} is not null`), ...(predicate ? [predicate] : [])].join(' and ');
  const group = `${values} || ': ' || count(*) || ' records (' || array_to_string((array_agg(id::text order by id))[1:3], ', ') || ')'`;
  return `select count(*)::int as count, (array_agg(grp order by grp))[1:5] as samples from (select ${group} as grp from ${table} where ${where} group by ${cols.join(', ')} having count(*) > 1) as duplicates`;
}
