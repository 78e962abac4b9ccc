import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { inboxApi } from '../api/inbox-api';
import { recordsApi } from '../api/records-api';
import { isUserField } from './report-fields';

/** Titles of the related records a report groups by (a customer's name, not its id), 100 per request. */
async function relationTitles(app: AppDefinition, entity: EntityDefinition, groups: readonly string[], rows: readonly Record<string, unknown>[]): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const group of groups) {
    const relation = entity.properties[group]?.['x-relation'];
    const target = relation && app.entities.find((e) => e['x-name'] === relation.entity);
    if (!target) continue;
    const ids = [...new Set(rows.map((r) => r[group]).filter((v): v is string => typeof v === 'string'))];
    const display = target['x-display-field'] ?? 'name';
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      const params = new URLSearchParams({ filter: JSON.stringify({ id: { in: chunk } }), limit: String(chunk.length), count: 'false' });
      // A related record the viewer may not read keeps no title: it shows as "(other)", never as an id.
      const page = await recordsApi.list(target['x-plural'], params.toString()).catch(() => undefined);
      for (const record of page?.data ?? []) out.push([String(record.id), String(record[display] ?? '')]);
    }
  }
  return out;
}

/** Names for the ids a report's rows group by: people from the user directory, related records by their title. */
export async function reportNames(app: AppDefinition, entity: EntityDefinition, groups: readonly string[], rows: readonly Record<string, unknown>[]): Promise<Map<string, string>> {
  const ids = groups.filter((g) => isUserField(entity, g)).flatMap((g) => rows.map((r) => r[g])).filter((v): v is string => typeof v === 'string');
  const found = ids.length ? await inboxApi.usersByIds([...new Set(ids)]) : [];
  const titles = await relationTitles(app, entity, groups, rows);
  return new Map([...found.map((u) => [u.id, u.displayName || u.username] as const), ...titles]);
}
