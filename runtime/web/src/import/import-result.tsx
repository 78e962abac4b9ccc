import { useTranslation } from 'react-i18next';
import { importApi, type ImportLocale, type ImportSummary } from './import-api';

export interface ImportResultProps {
  plural: string;
  locale: ImportLocale;
  run: ImportSummary;
  busy: boolean;
  onRevert: () => void;
}

/** What the import did: the counts, the rejected rows as a file with the reasons, and the revert. */
export function ImportResult({ plural, locale, run, busy, onRevert }: ImportResultProps) {
  const { t } = useTranslation();
  return (
    <div className="t-import-result" data-testid="import-result">
      <p data-testid="import-status">{t(`import.status.${run.status}`)}</p>
      <ul className="t-import-counts" data-testid="import-counts">
        <li>{t('import.created', { count: run.created })}</li>
        <li>{t('import.updated', { count: run.updated })}</li>
        <li>{t('import.skipped', { count: run.skipped })}</li>
        <li>{t('import.rejected', { count: run.rejected })}</li>
      </ul>
      <div className="t-actions">
        {run.rejected > 0 && <a className="t-btn" data-testid="import-rejected" href={importApi.rejectedUrl(plural, run.id, locale)} download>{t('import.downloadRejected')}</a>}
        {(run.status === 'done' || run.status === 'failed') && (
          <button type="button" className="t-btn t-btn-danger" data-testid="import-revert" disabled={busy}
            onClick={() => window.confirm(t('import.revertConfirm')) && onRevert()}>{t('import.revert')}</button>
        )}
      </div>
    </div>
  );
}
