import { useEffect, useState } from 'react';
import { inboxApi } from '../api/inbox-api';

/** The directory answers at most this many ids per call. */
const BATCH = 200;

/**
 * Display names for the user ids a page shows (owners, assignees): one `GET /api/_users?ids=`
 * per 200 ids, whatever the number of rows. Names already known are not asked again; an id the
 * directory does not know keeps showing the id.
 */
export function useUserNames(ids: readonly string[]): Readonly<Record<string, string>> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(ids)].sort().join(',');

  useEffect(() => {
    const missing = key ? key.split(',').filter((id) => !(id in names)) : [];
    if (missing.length === 0) return;
    let live = true;
    const batches = Array.from({ length: Math.ceil(missing.length / BATCH) }, (_, i) => missing.slice(i * BATCH, (i + 1) * BATCH));
    Promise.all(batches.map((b) => inboxApi.usersByIds(b))).then((found) => {
      if (!live) return;
      // Unknown ids map to themselves so they are not asked for again on every render.
      const got = Object.fromEntries(missing.map((id) => [id, id]));
      for (const u of found.flat()) got[u.id] = u.displayName;
      setNames((prev) => ({ ...prev, ...got }));
    }, () => undefined);
    return () => { live = false; };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- keyed by the ids; `names` only filters what to ask
  return names;
}
