import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordsApi } from '../api/records-api';
import { CascadeNote } from '../recycle-bin/cascade-note';
import { useDeletePreview } from '../recycle-bin/use-delete-preview';

export interface RecordDeleteButtonProps {
  plural: string;
  recordId: string;
  /** The record's version when loaded: a delete after someone else's save is refused (412). */
  version?: unknown;
  entityLabel: string;
  /** The record's display value, named in the question. */
  title?: string;
  onDeleted: () => void;
  onError: (message: string) => void;
}

/**
 * Delete, after a confirm that names the record and says what the cascade takes along (asked
 * from the server when the dialog opens); shown only when the record's capabilities allow it.
 */
export function RecordDeleteButton({ plural, recordId, version, entityLabel, title, onDeleted, onError }: RecordDeleteButtonProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const { preview, loading } = useDeletePreview(plural, [recordId], confirming);
  const blocked = (preview?.blockedBy.length ?? 0) > 0;
  async function remove() {
    setBusy(true);
    try {
      await recordsApi.remove(plural, recordId, version);
      onDeleted();
    } catch (e) {
      setConfirming(false);
      onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" className="t-btn t-btn-danger" data-testid="record-delete" onClick={() => setConfirming(true)}>{t('record.delete')}</button>
      {confirming && (
        <div className="t-dialog-backdrop" role="presentation">
          <div className="t-dialog t-card" role="alertdialog" aria-modal="true" aria-labelledby="t-record-delete-title" data-testid="record-delete-dialog" aria-describedby="t-record-delete-text" onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}>
            <h3 id="t-record-delete-title">{title ? t('recycleBin.deleteNamed', { entity: entityLabel, title }) : t('record.deleteTitle', { entity: entityLabel })}</h3>
            <div id="t-record-delete-text"><CascadeNote preview={preview} loading={loading} /></div>
            <div className="t-form-actions">
              <button type="button" className="t-btn t-btn-danger" data-testid="record-delete-confirm" disabled={busy || blocked} autoFocus onClick={() => void remove()}>{t('record.delete')}</button>
              <button type="button" className="t-btn" data-testid="record-delete-cancel" onClick={() => setConfirming(false)}>{t('form.cancel')}</button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
