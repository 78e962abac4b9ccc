import type { Knex } from 'knex';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { rowToRecord } from '../records/row-to-record';

/** What every approver sees of the record under approval: its title and the approval's summary fields. */
export interface ApprovalRecordView {
  title: string | null;
  /** In the order the approval names them; a relation shows its target's title, a user field the user's name. */
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Display names of the users `ids`, one query (an approver reads "Zhang Min", not an id). */
async function userNames(knex: Knex, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await knex.withSchema('tessera').table('users').whereIn('id', wanted).select('id', 'display_name', 'username');
  return new Map(rows.map((r: { id: string; display_name: string | null; username: string }) => [r.id, r.display_name || r.username]));
}

/**
 * The record views of approvals, one query per entity (plus one per relation target shown, and
 * one for the users that user fields name):
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
    const users = items.flatMap((item) => (item.summary ?? []).filter((f) => entity.entity.properties[f]?.['x-type'] === 'user').map((f) => records.get(item.recordId)?.[f]).filter((v): v is string => typeof v === 'string'));
    const names = await userNames(knex, users);
    const targetTitles = new Map<string, Map<string, string | null>>();
    for (const [target, ids] of targets) {
      const targetEntity = entityNamed(state, target);
      if (targetEntity) targetTitles.set(target, await titles(knex, targetEntity, ids));
    }
    for (const item of items) {
      const record = records.get(item.recordId);
      if (!record) continue;
      const summary = (item.summary ?? []).filter((field) => field in entity.entity.properties).map((field) => {
        const def = entity.entity.properties[field];
        const relation = def['x-relation'];
        const value = record[field];
        if (relation?.kind === 'many-to-one' && typeof value === 'string') return { field, value: targetTitles.get(relation.entity)?.get(value) ?? null };
        if (def['x-type'] === 'user' && typeof value === 'string') return { field, value: names.get(value.toLowerCase()) ?? value };
        return { field, value: value ?? null };
      });
      views.set(`${name}:${item.recordId}`, { title: titleOf(entity, record), summary });
    }
  }
  return views;
}
