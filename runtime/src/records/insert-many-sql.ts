import { ident } from '@tessera/engine/sql';
import type { Knex } from 'knex';
import type { CompiledEntity } from '../meta/compile-app-state';

/** One new record for `insertManySql`: its id and its column values (`recordToRow`'s output). */
export interface NewRow {
  id: string;
  row: Record<string, unknown>;
}

/**
 * PostgreSQL's wire protocol counts a statement's parameters in 16 bits; a chunk stays below
 * it with room for the shared ones.
 */
export const MAX_BINDINGS = 65_000;

/**
 * `insert … values (…), (…) returning *` of records owned by their creator: the multi-row
 * form of `insertOneSql` (one-statement-sql.ts), with the same columns and system values. A
 * column some rows leave out gets `default` in those rows, as the one-row insert would by
 * leaving it out; the creator's id is bound once. Identifiers come only from metadata (the
 * rows' keys are columns from `recordToRow`); every value is a bound parameter. The audit
 * context is the transaction's (`setAuditContext`): the caller runs it in one.
 */
export function insertManySql(entity: CompiledEntity, rows: readonly NewRow[], userId: string): Knex.SqlNative {
  const bindings: unknown[] = [userId];
  const bind = (value: unknown) => (bindings.push(value), `$${bindings.length}`);
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const { row } of rows) {
    for (const [column, value] of Object.entries(row)) {
      if (value !== undefined && !seen.has(column)) (seen.add(column), columns.push(column));
    }
  }
  const tuples = rows.map(({ id, row }) => {
    const values = columns.map((column) => (row[column] === undefined ? 'default' : bind(row[column])));
    values.push(bind(id), '1', 'CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP', '$1', '$1');
    return `(${values.join(', ')})`;
  });
  const names = [...columns.map(ident), '"id"', '"version"', '"created_at"', '"updated_at"', '"created_by"', '"owner"'];
  return { sql: `insert into ${ident(entity.schema)}.${ident(entity.table)} (${names.join(', ')}) values ${tuples.join(', ')} returning *`, bindings: bindings as Knex.Value[] };
}

/** `rows` cut into runs whose statements stay under MAX_BINDINGS (each row binds its values and its id). */
export function chunkByBindings<T extends NewRow>(rows: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let count = 1;
  for (const item of rows) {
    const size = Object.keys(item.row).length + 1;
    if (current.length > 0 && count + size > MAX_BINDINGS) (chunks.push(current), (current = []), (count = 1));
    current.push(item);
    count += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
