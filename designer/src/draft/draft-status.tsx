import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftEditor } from './draft-api';
import type { DraftConflict } from './use-draft';

export interface DraftStatusProps {
  hasDraft: boolean;
  saving: boolean;
  updatedBy: DraftEditor | null;
  updatedAt: string | null;
  conflict?: DraftConflict;
  error?: string;
  onDiscard: () => Promise<void>;
  onMerge: () => Promise<number>;
  onReload: () => Promise<void>;
}

const time = (iso: string, lng: string) => new Date(iso).toLocaleString(lng === 'zh' ? 'zh-CN' : 'en-GB', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * Where the shared draft stands: saving, who changed it last and when (so two implementers see
 * each other), Discard (asks first), and — when someone else saved in between — merge or reload.
 */
export function DraftStatus({ hasDraft, saving, updatedBy, updatedAt, conflict, error, onDiscard, onMerge, onReload }: DraftStatusProps) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [merged, setMerged] = useState<number>();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try { await work(); } finally { setBusy(false); }
  };
  return (
    <div className="d-publish d-draft-status" data-testid="draft-status">
      {saving && <span className="d-chip" data-testid="draft-saving">{t('draft.saving')}</span>}
      {!saving && hasDraft && updatedBy && updatedAt && (
        <span className="d-chip" data-testid="draft-editor" title={updatedBy.username}>{t('draft.lastChange', { name: updatedBy.displayName, time: time(updatedAt, i18n.language) })}</span>
      )}
      {hasDraft && !confirming && <button type="button" className="d-btn d-btn-ghost" data-testid="draft-discard" onClick={() => setConfirming(true)}>{t('draft.discard')}</button>}
      {confirming && (
        <span role="group" aria-label={t('draft.discardQuestion')} className="d-draft-confirm">
          {t('draft.discardQuestion')}{' '}
          <button type="button" className="d-btn d-btn-danger" data-testid="draft-discard-confirm" disabled={busy}
            onClick={() => void run(async () => { await onDiscard(); setConfirming(false); })}>{t('draft.discardConfirm')}</button>{' '}
          <button type="button" className="d-btn" data-testid="draft-discard-cancel" onClick={() => setConfirming(false)}>{t('draft.keep')}</button>
        </span>
      )}
      {merged !== undefined && !conflict && (
        <div className="d-toast d-toast-ok" role="status" data-testid="draft-merged" onClick={() => setMerged(undefined)}>
          {merged ? t('draft.mergedKept', { count: merged }) : t('draft.merged')}
        </div>
      )}
      {conflict && (
        <div className="d-toast d-toast-error" role="alert" data-testid="draft-conflict">
          <p>{t(conflict.discarded ? 'draft.conflictDiscarded' : 'draft.conflict', { name: conflict.by ?? t('draft.someone'), time: conflict.at ? time(conflict.at, i18n.language) : '' })}</p>
          <p className="d-hint">{t('draft.conflictHint')}</p>
          <button type="button" className="d-btn d-btn-primary" data-testid="draft-merge" disabled={busy} onClick={() => void run(async () => setMerged(await onMerge()))}>{t('draft.merge')}</button>{' '}
          <button type="button" className="d-btn" data-testid="draft-reload" disabled={busy} onClick={() => void run(onReload)}>{t('draft.reload')}</button>
        </div>
      )}
      {error && !conflict && <div className="d-toast d-toast-error" role="alert" data-testid="draft-error">{t('draft.error', { message: error })}</div>}
    </div>
  );
}
