import type { Knex } from 'knex';
import { pgErrorToHttpError } from '../db/pg-error-to-http-error';
import { validationFailed } from '../errors/http-error';
import type { CompiledEntity } from '../meta/compile-app-state';

// Many-to-many values live in join tables (left_id = this record, right_id = the target), not
// in the row. The API shows them as arrays of ids: written after the row, in its transaction,
// and put on rows under the field name before rowToRecord reads them.

/**
 * One-to-many fields are the inverse of a child's column: the child's record is where the
 * link is written. Refused before any SQL, so nothing is half-applied.
 */
export function rejectInverseWrites(entity: CompiledEntity, data: Record<string, unknown>): void {
  const inverse = Object.keys(data).filter((name) => entity.entity.properties[name]?.['x-relation']?.kind === 'one-to-many');
  if (inverse.length > 0) {
    throw validationFailed(inverse.map((field) => ({ field, rule: 'read-only', message: `"${field}" lists the records that point here; change those records instead` })));
  }
}

/** Replaces the links of record `id` for every many-to-many field present in `data`. */
export async function writeLinks(trx: Knex.Transaction, entity: CompiledEntity, id: string, data: Record<string, unknown>): Promise<void> {
  for (const field of entity.fields) {
    if (!field.joinTable || !Array.isArray(data[field.name])) continue;
    const ids = data[field.name] as string[];
    await trx.withSchema(entity.schema).table(field.joinTable).where({ left_id: id }).delete();
    if (ids.length === 0) continue;
    try {
      await trx.withSchema(entity.schema).table(field.joinTable).insert(ids.map((right) => ({ left_id: id, right_id: right.toLowerCase() })));
    } catch (err) {
      // A missing target is the client's mistake: 422 on this field (the transaction rolls back).
      throw pgErrorToHttpError(err, 'write', () => field.name) ?? err;
    }
  }
}

/** Puts each many-to-many field's ids on `rows` (one query per field, whatever the row count). */
export async function attachLinks(knex: Knex, entity: CompiledEntity, rows: Record<string, unknown>[]): Promise<void> {
  const ids = rows.map((row) => row.id).filter((id): id is string => typeof id === 'string');
  for (const field of entity.fields) {
    if (!field.joinTable) continue;
    const byLeft = new Map<string, string[]>();
    if (ids.length > 0) {
      const links: { left_id: string; right_id: string }[] = await knex.withSchema(entity.schema).table(field.joinTable).whereIn('left_id', ids).orderBy(['left_id', 'right_id']).select('left_id', 'right_id');
      for (const link of links) byLeft.set(link.left_id, [...(byLeft.get(link.left_id) ?? []), link.right_id]);
    }
    for (const row of rows) row[field.name] = byLeft.get(row.id as string) ?? [];
  }
}

/** True when the entity has many-to-many fields (most do not: no extra queries then). */
export const hasLinks = (entity: CompiledEntity) => entity.fields.some((f) => f.joinTable);
