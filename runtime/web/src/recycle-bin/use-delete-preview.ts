import { useEffect, useState } from 'react';
import { recycleBinApi, type CascadePreview } from './recycle-bin-api';

/**
 * What deleting `ids` would take along, asked while the confirm dialog is open (`open`). A
 * failed preview leaves the dialog usable (the delete itself still answers with its reason).
 */
export function useDeletePreview(plural: string, ids: readonly string[], open: boolean): { preview?: CascadePreview; loading: boolean } {
  const [preview, setPreview] = useState<CascadePreview>();
  const [loading, setLoading] = useState(false);
  const key = ids.join(',');
  useEffect(() => {
    if (!open || ids.length === 0) return undefined;
    let live = true;
    setLoading(true);
    setPreview(undefined);
    recycleBinApi.preview(plural, ids.slice(0, 200)).then(
      (p) => live && setPreview(p),
      () => undefined,
    ).finally(() => live && setLoading(false));
    return () => { live = false; };
  }, [plural, key, open]); // eslint-disable-line react-hooks/exhaustive-deps -- keyed by the ids, not the array identity
  return { preview, loading };
}
