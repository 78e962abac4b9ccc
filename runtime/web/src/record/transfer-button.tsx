import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordsApi, type RecordData } from '../api/records-api';
import { UserPicker } from '../users/user-picker';

export interface TransferButtonProps {
  plural: string;
  recordId: string;
  /** The current owner: not offered as the new one. */
  owner?: string;
  entityLabel: string;
  onTransferred: (record: RecordData) => void;
  onError: (message: string) => void;
}

/**
 * Transfer: hand the record to another active user (`POST /api/{plural}/{id}/transfer`). Shown
 * only when the record's capabilities say `transfer`; the timeline records who did it.
 */
export function TransferButton({ plural, recordId, owner, entityLabel, onTransferred, onError }: TransferButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  async function transfer() {
    if (!to) { setProblem(t('transfer.required')); return; }
    setBusy(true);
    try {
      const record = await recordsApi.transfer(plural, recordId, to);
      setOpen(false);
      onTransferred(record);
    } catch (e) {
      setOpen(false);
      onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" className="t-btn" data-testid="record-transfer" onClick={() => { setTo(''); setProblem(undefined); setOpen(true); }}>{t('transfer.button')}</button>
      {open && (
        <div className="t-dialog-backdrop" role="presentation">
          <div className="t-dialog t-card" role="dialog" aria-modal="true" aria-labelledby="t-transfer-title" data-testid="transfer-dialog" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
            <h3 id="t-transfer-title">{t('transfer.title', { entity: entityLabel })}</h3>
            <p className="t-muted">{t('transfer.text')}</p>
            <UserPicker label={t('transfer.to')} value={to} onChange={(id) => { setTo(id); setProblem(undefined); }} exclude={owner} testId="transfer-user" />
            {problem && <p className="t-field-note t-danger" role="alert" data-testid="transfer-problem">{problem}</p>}
            <div className="t-form-actions">
              <button type="button" className="t-btn t-btn-primary" data-testid="transfer-confirm" disabled={busy} onClick={() => void transfer()}>{t('transfer.confirm')}</button>
              <button type="button" className="t-btn" data-testid="transfer-cancel" onClick={() => setOpen(false)}>{t('form.cancel')}</button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
