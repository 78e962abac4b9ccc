import type { Knex } from 'knex';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { rowToRecord } from '../records/row-to-record';

/** What every approver sees of the record under approval: its title and the approval's summary fields. */
export interface ApprovalRecordView {
  title: string | null;
  /** In the order the approval names them; a relation shows its target's title. */
  summary: { field: string; value: unknown }[];
}

interface Wanted { entity: string; recordId: string; summary?: string[] }

const entityNamed = (state: AppState, name: string) => [...state.byPlural.values()].find((e) => e.entity['x-name'] === name);
const titleOf = (entity: CompiledEntity, record: Record<string, unknown>) => {
  const field = entity.entity['x-display-field'];
  const value = field ? record[field] : undefined;
  return value === undefined || value === null ? null : String(value);
};

/** Titles of `ids` of `entity`, one query. */
async function titles(knex: Knex, entity: CompiledEntity, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await knex.withSchema(entity.schema).table(entity.table).whereIn('id', [...new Set(ids)]).select('*');
  return new Map(rows.map((row: Record<string, unknown>) => [row.id as string, titleOf(entity, rowToRecord(row, entity))]));
}

/**
 * The record views of approvals, one query per entity (plus one per relation target shown):
 * an approver was assigned the decision, so they see what the approval names even when their
 * role may not open the record (ADR 0029) — and nothing more.
 */
export async function approvalRecordViews(knex: Knex, state: AppState, wanted: Wanted[]): Promise<Map<string, ApprovalRecordView>> {
  const views = new Map<string, ApprovalRecordView>();
  const byEntity = new Map<string, Wanted[]>();
  for (const w of wanted) byEntity.set(w.entity, [...(byEntity.get(w.entity) ?? []), w]);
  for (const [name, items] of byEntity) {
    const entity = entityNamed(state, name);
    if (!entity) continue;
    const rows: Record<string, unknown>[] = await knex.withSchema(entity.schema).table(entity.table).whereIn('id', [...new Set(items.map((i) => i.recordId))]).select('*');
    const records = new Map(rows.map((row) => [row.id as string, rowToRecord(row, entity)]));
    // Relation fields in a summary show their target's title, fetched per target entity.
    const targets = new Map<string, string[]>();
    for (const item of items) {
      for (const field of item.summary ?? []) {
        const relation = entity.entity.properties[field]?.['x-relation'];
        const value = records.get(item.recordId)?.[field];
        if (relation?.kind === 'many-to-one' && typeof value === 'string') targets.set(relation.entity, [...(targets.get(relation.entity) ?? []), value]);
      }
    }
    const targetTitles = new Map<string, Map<string, string | null>>();
    for (const [target, ids] of targets) {
      const targetEntity = entityNamed(state, target);
      if (targetEntity) targetTitles.set(target, await titles(knex, targetEntity, ids));
    }
    for (const item of items) {
      const record = records.get(item.recordId);
      if (!record) continue;
      const summary = (item.summary ?? []).filter((field) => field in entity.entity.properties).map((field) => {
        const relation = entity.entity.properties[field]['x-relation'];
        const value = record[field];
        return { field, value: relation?.kind === 'many-to-one' && typeof value === 'string' ? (targetTitles.get(relation.entity)?.get(value) ?? null) : (value ?? null) };
      });
      views.set(`${name}:${item.recordId}`, { title: titleOf(entity, record), summary });
    }
  }
  return views;
}
