import { DEFAULT_AUTONUMBER_FORMAT, formatAutonumber } from '@tessera/engine';
import type { Knex } from 'knex';
import { config } from '../config/read-config';
import type { CompiledEntity } from '../meta/compile-app-state';

/** The entity's autonumber fields: name, stable id and format. */
export const autonumberFields = (entity: CompiledEntity) =>
  Object.entries(entity.entity.properties)
    .filter(([, field]) => field['x-type'] === 'autonumber')
    .map(([name, field]) => ({ name, id: field['x-id'], format: (field['x-format'] as string | undefined) ?? DEFAULT_AUTONUMBER_FORMAT }));

/**
 * The next number of each autonumber field for a record created now, formatted (`BID-2026-0042`;
 * dates in the workspace's time zone). Drawn with one upsert per field on the write's own
 * connection: the counter row is locked until that write commits, so two creates never get the
 * same number, and a create that rolls back gives its number back (no gaps).
 */
export async function drawAutonumbers(db: Knex | Knex.Transaction, entity: CompiledEntity, now = new Date()): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  const timeZone = config().TESSERA_JOBS_TZ;
  for (const field of autonumberFields(entity)) {
    const { rows } = await db.raw(
      `insert into tessera.autonumber_counters as c (app, entity, field_id, last) values (?, ?, ?, 1)
       on conflict (app, entity, field_id) do update set last = c.last + 1 returning last`,
      [entity.schema, entity.entity['x-name'], field.id],
    );
    values[field.name] = formatAutonumber(field.format, Number(rows[0].last), now, timeZone);
  }
  return values;
}
