import { useEffect, useState } from 'react';
import type { AppDefinition } from '@tessera/metadata';
import { inboxApi } from '../api/inbox-api';
import { recordsApi } from '../api/records-api';

/**
 * Display names for the records and users a list of approvals mentions: one list request per
 * entity (`id in […]`) and one directory request for the users. A record the user may not
 * read simply keeps no title (the row shows its id).
 */
export function useRecordTitles(app: AppDefinition, records: { entity: string; recordId: string }[], userIds: string[]) {
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [names, setNames] = useState<Record<string, string>>({});
  const recordKey = records.map((r) => r.recordId).sort().join(',');
  const userKey = [...new Set(userIds)].sort().join(',');

  useEffect(() => {
    let live = true;
    const byEntity = new Map<string, string[]>();
    for (const r of records) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r.recordId]);
    for (const [name, ids] of byEntity) {
      const entity = app.entities.find((e) => e['x-name'] === name);
      if (!entity) continue;
      const display = entity['x-display-field'] ?? 'name';
      const params = new URLSearchParams({ filter: JSON.stringify({ id: { in: [...new Set(ids)].slice(0, 200) } }), limit: '200' });
      recordsApi.list(entity['x-plural'], params.toString()).then((page) => {
        if (live) setTitles((prev) => ({ ...prev, ...Object.fromEntries(page.data.map((r) => [r.id, String(r[display] ?? r.id)])) }));
      }, () => undefined);
    }
    return () => { live = false; };
  }, [app, recordKey]); // eslint-disable-line react-hooks/exhaustive-deps -- keyed by the ids, not the array identity

  useEffect(() => {
    let live = true;
    inboxApi.usersByIds(userKey ? userKey.split(',') : []).then((users) => {
      if (live) setNames(Object.fromEntries(users.map((u) => [u.id, u.displayName])));
    }, () => undefined);
    return () => { live = false; };
  }, [userKey]);

  return { titles, names };
}
