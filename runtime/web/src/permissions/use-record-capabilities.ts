import { useEffect, useState } from 'react';
import { capabilitiesApi, type RecordCapabilities } from '../api/capabilities-api';

const NONE: RecordCapabilities = { update: false, delete: false, transition: false, transfer: false, share: false };

/**
 * The changes the user may make to one record now (`GET /api/{plural}/{id}/capabilities`: their
 * grants and their write scope); undefined while loading, nothing allowed if the server would
 * not say (the record is gone or out of reach). A new record has none: `create` decides there.
 */
export function useRecordCapabilities(plural: string, recordId: string | undefined, reloadKey = 0): RecordCapabilities | undefined {
  const [caps, setCaps] = useState<{ key: string; value: RecordCapabilities }>();
  const key = `${plural}/${recordId ?? ''}/${reloadKey}`;
  useEffect(() => {
    if (!recordId) return;
    let live = true;
    capabilitiesApi.record(plural, recordId).then(
      (value) => live && setCaps({ key, value }),
      () => live && setCaps({ key, value: NONE }),
    );
    return () => { live = false; };
  }, [plural, recordId, key]);
  // A stale answer (another record, before a transition) is never used.
  return recordId && caps?.key === key ? caps.value : undefined;
}
