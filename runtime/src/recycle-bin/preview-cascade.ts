import type { LocalizedText } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { edgesInto, keepsDeleted, uuidArray } from './cascade-edges';

export interface CascadeCount {
  entity: string;
  /** The entity's plural label, and (`one`) its label for a count of one. */
  label: LocalizedText;
  one: LocalizedText;
  count: number;
}

export interface CascadePreview {
  /** The records go to the recycle bin (the entity keeps deleted records), else they are gone for good. */
  recycleBin: boolean;
  /** What the delete takes along, per entity (counts only: never names, which the caller may not be allowed to read). */
  children: CascadeCount[];
  /** Live records that refuse the delete (restrict), per entity. */
  blockedBy: CascadeCount[];
}

export const pluralLabel = (e: CompiledEntity): LocalizedText => e.entity['x-label-plural'] ?? e.entity['x-label'];

/**
 * What deleting `ids` of `entity` would remove, walking the same relations the delete follows
 * (soft: children that keep deleted records; hard: every cascade, as the foreign keys do).
 * Counts all records, whoever may read them: the delete removes them all. Ids are collected
 * per level, so a record reached twice (a follow-up of the customer and of its opportunity)
 * counts once.
 */
export async function previewCascade(db: Knex, state: AppState, entity: CompiledEntity, ids: string[]): Promise<CascadePreview> {
  const soft = keepsDeleted(entity);
  const seen = new Map<string, { entity: CompiledEntity; ids: Set<string> }>();
  const blocked = new Map<string, { entity: CompiledEntity; ids: Set<string> }>();
  let level: { entity: CompiledEntity; ids: string[] }[] = [{ entity, ids }];
  while (level.length > 0) {
    const next: typeof level = [];
    for (const { entity: parent, ids: parentIds } of level) {
      for (const edge of edgesInto(state, parent.entity['x-name'])) {
        if (edge.onDelete === 'set-null' || (soft && edge.onDelete === 'cascade' && !keepsDeleted(edge.child))) continue;
        const rows = (await db.withSchema(edge.child.schema).table(edge.child.table).whereRaw('?? = any(?::uuid[])', [edge.column, uuidArray(parentIds)]).modify((qb) => {
          if (keepsDeleted(edge.child)) qb.whereNull('deleted_at');
        }).pluck('id')) as string[];
        if (rows.length === 0) continue;
        const into = edge.onDelete === 'restrict' ? blocked : seen;
        const name = edge.child.entity['x-name'];
        const bucket = into.get(name) ?? { entity: edge.child, ids: new Set<string>() };
        into.set(name, bucket);
        const fresh = rows.filter((id) => !bucket.ids.has(id) && !(name === entity.entity['x-name'] && ids.includes(id)));
        fresh.forEach((id) => bucket.ids.add(id));
        if (edge.onDelete === 'cascade' && fresh.length > 0) next.push({ entity: edge.child, ids: fresh });
      }
    }
    level = next;
  }
  // By entity name: the same order the recycle bin lists what came along.
  const counts = (m: typeof seen) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).filter(([, b]) => b.ids.size > 0).map(([name, b]) => ({ entity: name, label: pluralLabel(b.entity), one: b.entity.entity['x-label'], count: b.ids.size }));
  return { recycleBin: soft, children: counts(seen), blockedBy: counts(blocked) };
}
