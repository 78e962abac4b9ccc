import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { requestJson } from '../api/request-json';
import { useCapabilities } from '../permissions/capabilities-context';

export interface DataCareButtonsProps {
  entity: EntityDefinition;
  recordId: string;
  onErased: () => void;
  onError: (message: string) => void;
}

const url = (plural: string, id: string) => `/api/_data-care/${encodeURIComponent(plural)}/${encodeURIComponent(id)}`;

/** Whether the entity is about persons: one of its fields is declared personal (a company's phone is not enough). */
export const isAboutPersons = (entity: EntityDefinition) => Object.values(entity.properties).some((f) => f['x-personal'] === true);

/**
 * A person's data on request (PIPL/GDPR), for administrators on a contact's or lead's record:
 * download everything that names them, or erase them — after a confirmation that asks why
 * (the reason goes into the audit log with the administrator's name).
 */
export function DataCareButtons({ entity, recordId, onErased, onError }: DataCareButtonsProps) {
  const { t } = useTranslation();
  const caps = useCapabilities();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!caps?.admin || !isAboutPersons(entity)) return null;
  const plural = entity['x-plural'];
  async function erase() {
    if (!reason.trim()) { setProblem(t('dataCare.reasonRequired')); return; }
    setBusy(true);
    try {
      await requestJson(`${url(plural, recordId)}/erase`, { method: 'POST', body: { reason: reason.trim() } });
      setOpen(false);
      onErased();
    } catch (e) {
      setOpen(false);
      onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <a className="t-btn" data-testid="data-care-export" href={url(plural, recordId)} download>{t('dataCare.export')}</a>
      <button type="button" className="t-btn t-btn-danger" data-testid="data-care-erase" onClick={() => { setReason(''); setProblem(undefined); setOpen(true); }}>{t('dataCare.erase')}</button>
      {open && (
        <div className="t-dialog-backdrop" role="presentation">
          <div className="t-dialog t-card" role="dialog" aria-modal="true" aria-labelledby="t-erase-title" data-testid="erase-dialog" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
            <h3 id="t-erase-title">{t('dataCare.eraseTitle')}</h3>
            <p className="t-muted">{t('dataCare.eraseText')}</p>
            <label className="t-field">
              <span>{t('dataCare.reason')}</span>
              <textarea data-testid="erase-reason" value={reason} maxLength={1000} onChange={(e) => { setReason(e.target.value); setProblem(undefined); }} />
            </label>
            {problem && <p className="t-field-note t-danger" role="alert" data-testid="erase-problem">{problem}</p>}
            <div className="t-form-actions">
              <button type="button" className="t-btn t-btn-danger" data-testid="erase-confirm" disabled={busy} onClick={() => void erase()}>{t('dataCare.eraseConfirm')}</button>
              <button type="button" className="t-btn" data-testid="erase-cancel" onClick={() => setOpen(false)}>{t('form.cancel')}</button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
