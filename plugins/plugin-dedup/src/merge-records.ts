import type { PluginRecordsApi } from '@tessera/engine';
import type { ChildLink } from './dedup-settings';

type Records = (entity: string) => PluginRecordsApi<Record<string, unknown>>;

export interface MergeResult {
  keep: string;
  removed: string;
  /** How many children of each listed entity now point at `keep`. */
  moved: Record<string, number>;
}

const PAGE = '200';

/**
 * Re-points every listed many-to-one child of `remove` to `keep`, then deletes `remove` — all
 * through the records API, so each step is permission-checked as the user. Each write commits
 * on its own (a route has no enclosing transaction); re-running a failed merge finishes it,
 * since moved children no longer match and `remove` is deleted last.
 */
export async function mergeRecords(records: Records, entity: string, children: readonly ChildLink[], keep: string, remove: string): Promise<MergeResult> {
  const moved: Record<string, number> = {};
  for (const link of children) {
    const api = records(link.entity);
    let count = 0;
    // Each page is re-read from the start: the rows moved before no longer match the filter.
    for (;;) {
      const page = await api.list({ [`filter[${link.field}][eq]`]: remove, limit: PAGE, fields: 'id' });
      if (page.length === 0) break;
      for (const child of page) await api.update(String(child.id), { [link.field]: keep });
      count += page.length;
    }
    moved[link.entity] = (moved[link.entity] ?? 0) + count;
  }
  await records(entity).delete(remove);
  return { keep, removed: remove, moved };
}
