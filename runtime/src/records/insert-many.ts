import { formatAutonumber } from '@tessera/engine';
import type { Knex } from 'knex';
import { config } from '../config/read-config';
import { runStatement } from '../db/run-statement';
import { attachFiles, hasFileFields } from '../files/attach-files';
import type { CompiledEntity } from '../meta/compile-app-state';
import { withCreatedTimers } from '../workflows/arm-on-create';
import { autonumberFields } from './draw-autonumbers';
import { assertRules } from './entity-rule-checks';
import { chunkByBindings, insertManySql } from './insert-many-sql';
import type { Row, WriteContext } from './record-writes-types';
import { attachLinks, hasLinks, rejectInverseWrites, writeLinks } from './relation-links';
import { recordToRow } from './row-to-record';
import { withStoredFormulas } from './stored-formulas';
import { withDbErrors } from './with-db-errors';

/** A create waiting for its batch's statement: the id it will get and its data after the before-hooks. */
export interface QueuedCreate {
  id: string;
  data: Record<string, unknown>;
}

/**
 * `createRecord`'s front half for one record of a batch (create-record.ts, same order): the
 * plugins' before-hooks with the id the record will get (they may reject it or change its
 * data) and the refusal of inverse relation writes. The record is written by `insertMany`.
 */
export async function queueCreate(ctx: WriteContext, input: Record<string, unknown>, id: string): Promise<QueuedCreate> {
  const data = ctx.hooks ? await ctx.hooks.beforeCreate(ctx, input, id) : input;
  rejectInverseWrites(ctx.entity, data);
  return { id, data };
}

/**
 * `createRecord`'s back half for many records at once, in the caller's transaction (its audit
 * context set): autonumbers drawn as one block per field, stored formulas, the entity's rules,
 * then ONE `insert … values (…), (…)` (per 65,000 parameters) — the audit trigger still
 * writes an entry per row, and records born in a state with timers ask for them in the same
 * statement — then files and many-to-many links per record that names them, and each record's
 * after-hooks. Throws on the first refusal: the caller rolls the batch back (it cannot keep
 * part of one statement). Returns the stored rows in `items`' order.
 */
export async function insertMany(ctx: WriteContext, items: readonly QueuedCreate[], now = new Date()): Promise<Row[]> {
  const { trx, entity, user } = ctx;
  if (items.length === 0) return [];
  const numbers = await drawAutonumberBlock(trx, entity, items.length, now);
  const datas = items.map((item, i) => withStoredFormulas(entity, numbers ? { ...item.data, ...numbers[i] } : item.data));
  for (const data of datas) assertRules(entity, data);
  const byId = new Map<string, Row>();
  for (const chunk of chunkByBindings(items.map((item, i) => ({ id: item.id, row: recordToRow(datas[i], entity) })))) {
    const insert = insertManySql(entity, chunk, user.id);
    const statement = entity.initialTimers ? withCreatedTimers(insert, entity.entity['x-name']) : insert;
    for (const row of await withDbErrors(entity, 'write', () => runStatement(trx, statement))) byId.set(String(row.id), row);
  }
  const rows = items.map((item) => byId.get(item.id)!);
  for (const [i, data] of datas.entries()) {
    if (hasFileFields(entity, data)) await attachFiles(ctx, items[i].id, data);
    if (hasLinks(entity)) await writeLinks(trx, entity, items[i].id, data);
  }
  if (hasLinks(entity)) await attachLinks(trx, entity, rows);
  if (ctx.hooks) for (const row of rows) ctx.hooks.afterCreate(ctx, row);
  return rows;
}

/**
 * The next `count` numbers of each autonumber field, formatted, one statement per field (what
 * `drawAutonumbers` does for one record, moved on by `count`): the counter row stays locked
 * until the batch commits, and a batch that rolls back gives its numbers back. Undefined when
 * the entity has no autonumber field.
 */
export async function drawAutonumberBlock(db: Knex | Knex.Transaction, entity: CompiledEntity, count: number, now = new Date()): Promise<Record<string, string>[] | undefined> {
  const fields = autonumberFields(entity);
  if (fields.length === 0) return undefined;
  const values: Record<string, string>[] = Array.from({ length: count }, () => ({}));
  const timeZone = config().TESSERA_JOBS_TZ;
  for (const field of fields) {
    const { rows } = await db.raw(
      `insert into tessera.autonumber_counters as c (app, entity, field_id, last) values (?, ?, ?, ?)
       on conflict (app, entity, field_id) do update set last = c.last + excluded.last returning last`,
      [entity.schema, entity.entity['x-name'], field.id, count],
    );
    const first = Number(rows[0].last) - count + 1;
    for (let i = 0; i < count; i++) values[i][field.name] = formatAutonumber(field.format, first + i, now, timeZone);
  }
  return values;
}
