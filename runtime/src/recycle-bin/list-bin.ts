import type { LocalizedText } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import type { RecordAccess } from '../permissions/record-access';
import { pluralLabel } from './preview-cascade';

export interface BinEntry {
  id: string;
  /** The record's display field, when the caller may read it. */
  title: string | null;
  deletedAt: string;
  deletedBy: { id: string; username: string | null } | null;
  /** What came along, per entity (counts). */
  with: { entity: string; label: LocalizedText; one: LocalizedText; count: number }[];
}

const MAX_PAGE = 200;

/**
 * The deletions of `entity` the caller may restore: records they deleted or cascaded as roots,
 * in their write scope (`ra`), newest first, one page (`limit`, `offset`), and per deletion
 * the counts of what came along. Reads the bin's index on (entity, deleted_at), never the table.
 */
export async function listBin(db: Knex, state: AppState, entity: CompiledEntity, ra: RecordAccess, page: { limit: number; offset: number }): Promise<{ data: BinEntry[]; hasMore: boolean }> {
  const display = entity.entity['x-display-field'];
  const column = display && !ra.access.hidden.has(display) ? entity.fieldsByName.get(display)?.column : undefined;
  const limit = Math.min(Math.max(page.limit, 1), MAX_PAGE);
  const rows = (await db
    .from({ b: 'tessera.recycle_bin' })
    .join({ t: `${entity.schema}.${entity.table}` }, 't.id', 'b.record_id')
    .leftJoin({ u: 'tessera.users' }, 'u.id', 'b.deleted_by')
    .where({ 'b.entity': entity.entity['x-name'], 'b.root': true })
    .whereNotNull('t.deleted_at')
    .modify((qb) => ra.restrict(qb, 't', 'write'))
    .orderBy([{ column: 'b.deleted_at', order: 'desc' }, { column: 'b.record_id', order: 'asc' }])
    .limit(limit + 1)
    .offset(Math.max(page.offset, 0))
    .select('b.record_id', 'b.deletion_id', 'b.deleted_at', 'b.deleted_by', 'u.username', ...(column ? [db.ref(`t.${column}`).as('title')] : []))) as Record<string, unknown>[];
  const shown = rows.slice(0, limit);
  const ids = shown.map((r) => r.deletion_id as string);
  const counts = ids.length === 0 ? [] : ((await db('tessera.recycle_bin').whereIn('deletion_id', ids).where('root', false).groupBy('deletion_id', 'entity').orderBy('entity').select('deletion_id', 'entity').count({ n: '*' })) as { deletion_id: string; entity: string; n: string | number }[]);
  const byName = new Map([...state.byPlural.values()].map((e) => [e.entity['x-name'], e]));
  return {
    hasMore: rows.length > limit,
    data: shown.map((r) => ({
      id: r.record_id as string,
      title: r.title === undefined || r.title === null ? null : String(r.title),
      deletedAt: r.deleted_at instanceof Date ? r.deleted_at.toISOString() : String(r.deleted_at),
      deletedBy: r.deleted_by ? { id: r.deleted_by as string, username: (r.username as string | null) ?? null } : null,
      with: counts
        .filter((c) => c.deletion_id === r.deletion_id && byName.has(c.entity))
        .map((c) => ({ entity: c.entity, label: pluralLabel(byName.get(c.entity)!), one: byName.get(c.entity)!.entity['x-label'], count: Number(c.n) })),
    })),
  };
}
