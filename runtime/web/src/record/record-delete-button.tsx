import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordsApi } from '../api/records-api';

export interface RecordDeleteButtonProps {
  plural: string;
  recordId: string;
  /** The record's version when loaded: a delete after someone else's save is refused (412). */
  version?: unknown;
  entityLabel: string;
  onDeleted: () => void;
  onError: (message: string) => void;
}

/** Delete, after a confirm; shown only when the record's capabilities allow it. */
export function RecordDeleteButton({ plural, recordId, version, entityLabel, onDeleted, onError }: RecordDeleteButtonProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
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
            <h3 id="t-record-delete-title">{t('record.deleteTitle', { entity: entityLabel })}</h3>
            <p id="t-record-delete-text">{t('record.deleteText')}</p>
            <div className="t-form-actions">
              <button type="button" className="t-btn t-btn-danger" data-testid="record-delete-confirm" disabled={busy} autoFocus onClick={() => void remove()}>{t('record.delete')}</button>
              <button type="button" className="t-btn" data-testid="record-delete-cancel" onClick={() => setConfirming(false)}>{t('form.cancel')}</button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
