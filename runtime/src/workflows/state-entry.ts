import type { Knex } from 'knex';

/**
 * Which entry into its current state a record is on: the number of workflow history rows it
 * has (0 = the state it was created in). History is append-only and every transition writes a
 * row, so a timer armed on entry n still applies exactly while the count is n — an ordinary
 * field edit (a version bump) does not cancel a state's timer (an SLA keeps running).
 */
export async function stateEntry(db: Knex | Knex.Transaction, entity: string, id: string): Promise<number> {
  const row = await db('tessera.workflow_history').where({ entity, record_id: id }).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}
