import type { Knex } from 'knex';
import type { AppState } from '../meta/compile-app-state';
import { recordToRow } from '../records/row-to-record';
import type { SeedRecord } from './seed-types';

// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters at ~15 columns a row.
const BATCH = 500;
// Parents before children, so every foreign key finds its row.
const ORDER = ['customer', 'lead', 'contact', 'opportunity', 'bid', 'contract', 'order', 'payment_plan', 'follow_up', 'survey', 'sales_target'];

/**
 * Inserts records entity by entity (parents first), in batches. Field
 * names go through the compiled entity, so columns are found by field id as the API does.
 */
export async function insertSeedRecords(trx: Knex.Transaction, state: AppState, records: SeedRecord[], counts: Record<string, number>): Promise<void> {
  const byEntity = new Map<string, SeedRecord[]>();
  for (const r of records) {
    const list = byEntity.get(r.entity);
    if (list) list.push(r);
    else byEntity.set(r.entity, [r]);
  }
  const names = [...byEntity.keys()].sort((a, b) => rank(a) - rank(b));
  for (const name of names) {
    const list = byEntity.get(name) ?? [];
    const entity = [...state.byPlural.values()].find((e) => e.entity['x-name'] === name);
    if (!entity) throw new Error(`The seed needs the entity "${name}", which the app does not have`);
    for (let i = 0; i < list.length; i += BATCH) {
      const rows = list.slice(i, i + BATCH).map((r) => ({
        ...recordToRow(r.data, entity), id: r.id, version: 1, created_at: r.createdAt, updated_at: r.createdAt, created_by: r.owner, owner: r.owner,
      }));
      await trx.withSchema(entity.schema).table(entity.table).insert(rows);
    }
    counts[name] = (counts[name] ?? 0) + list.length;
  }
}

const rank = (entity: string) => (ORDER.includes(entity) ? ORDER.indexOf(entity) : ORDER.length);
