import { ident } from '@tessera/engine/sql';
import type { Knex } from 'knex';
import { listMigrations, type HistoryEntry } from './migration-history';

/** One table of the archive schema: what it holds, from which migration, and how much. */
export interface ArchiveEntry {
  /** The table in `app_<name>_archive`. */
  table: string;
  /** `column`: one dropped field (id, value); `table`: a dropped entity or join table (a copy). */
  kind: 'column' | 'table';
  /** What was archived, as the migration named it: `item.note`, `item`, `deal__tags`. */
  source: string;
  /** The version whose migration wrote it (it dropped the column or table). */
  version: number;
  archivedAt: string;
  /** Rows of the copy; for a column archive, the values that were not null (nulls are not archived). */
  rows: number;
}

export const archiveSchemaOf = (appName: string) => `app_${appName}_archive`;


// archiveTag's shape, `v<version>_<yyyymmdd>t<hhmmss>`, ends every archive table's name.
const TAG = /_(v(\d+)_(\d{4})(\d{2})(\d{2})t(\d{2})(\d{2})(\d{2}))$/;
// The engine's step descriptions: "Archive column item.note into …", "Archive join table deal__tags into …".
const DESCRIBED = /^Archive (column|join table|table) (\S+) into (\S+), then drop it$/;

/** What each archive table of a migration held, from its archive steps (table name → source). */
function describedSources(history: readonly HistoryEntry[]): Map<string, string> {
  const sources = new Map<string, string>();
  for (const entry of history) {
    for (const step of entry.steps) {
      const match = DESCRIBED.exec(step.description);
      const table = match?.[3].split('.').pop()?.replace(/^"|"$/g, '');
      if (match && table) sources.set(table, match[2]);
    }
  }
  return sources;
}

/**
 * Every table in the app's archive schema, oldest first. Version and time come from the
 * archive tag ending its name (the applied_at of the migration with that tag when the history
 * has it); what it held from that migration's step, else from the name. `olderThanDays`
 * keeps only archives made at least that many days before `now`.
 */
export async function listArchives(knex: Knex, appName: string, opts: { olderThanDays?: number; now?: Date } = {}): Promise<ArchiveEntry[]> {
  const schema = archiveSchemaOf(appName);
  const tables: string[] = await knex('information_schema.tables').where({ table_schema: schema }).pluck('table_name');
  if (tables.length === 0) return [];
  const columns: { table_name: string; column_name: string }[] = await knex('information_schema.columns').where({ table_schema: schema }).select('table_name', 'column_name');
  const history = await listMigrations(knex, appName);
  const appliedAt = new Map(history.filter((h) => h.kind !== 'purge').map((h) => [h.archiveTag, h.appliedAt]));
  const sources = describedSources(history);
  const cutoff = opts.olderThanDays === undefined ? undefined : (opts.now ?? new Date()).getTime() - opts.olderThanDays * 86_400_000;

  const entries: ArchiveEntry[] = [];
  for (const table of tables) {
    const tag = TAG.exec(table);
    // Not written by a migration (someone's own table): never listed, so never purged.
    if (!tag) continue;
    const [, name, version, y, mo, d, h, mi, s] = tag;
    const archivedAt = appliedAt.get(name) ?? new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`).toISOString();
    if (cutoff !== undefined && new Date(archivedAt).getTime() > cutoff) continue;
    const own = columns.filter((c) => c.table_name === table).map((c) => c.column_name).sort();
    const kind = own.length === 2 && own[0] === 'id' && own[1] === 'value' ? 'column' : 'table';
    const [{ count }] = (await knex.raw(`select count(*)::int as count from ${ident(schema)}.${ident(table)}`)).rows as { count: number }[];
    const source = sources.get(table) ?? table.slice(0, -tag[0].length).replace(/_$/, '');
    entries.push({ table, kind, source, version: Number(version), archivedAt, rows: Number(count) });
  }
  return entries.sort((a, b) => a.version - b.version || a.table.localeCompare(b.table));
}
