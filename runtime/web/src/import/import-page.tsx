import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { ApiError } from '../api/api-error';
import { localize, toLocale } from '../meta/localize';
import { ErrorBanner } from '../shell/error-banner';
import { importApi, uploadImport, type DuplicateMode, type ImportLocale, type ImportMapping, type ImportPreview, type ImportSummary } from './import-api';
import { ImportMappingTable } from './import-mapping-table';
import { ImportResult } from './import-result';

export interface ImportPageProps {
  entity: EntityDefinition;
  onList: () => void;
}

/** How often the progress bar asks the server while an import runs. */
const POLL_MS = 700;

/**
 * Import a CSV or XLSX file into one entity (issue 20): upload → the columns mapped to fields
 * (proposed by the server from labels or the user's last import, editable) with the first rows
 * parsed and each cell's problem shown → a duplicate mode → run with a progress bar → counts,
 * the rejected rows to download, and a revert. The server checks every step again.
 */
export default function ImportPage({ entity, onList }: ImportPageProps) {
  const { t, i18n } = useTranslation();
  const locale: ImportLocale = toLocale(i18n.language) === 'zh' ? 'zh' : 'en';
  const plural = entity['x-plural'];
  const [preview, setPreview] = useState<ImportPreview>();
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [mode, setMode] = useState<DuplicateMode>('skip');
  const [run, setRun] = useState<ImportSummary>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const explain = (err: unknown) => {
    if (err instanceof ApiError && t(`import.errors.${err.code}`, { defaultValue: '' })) return t(`import.errors.${err.code}`);
    return err instanceof Error ? err.message : t('errors.unknown');
  };
  const attempt = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (err) {
      setError(explain(err));
    } finally {
      setBusy(false);
    }
  };

  const upload = (file: File) => attempt(async () => {
    const uploaded = await uploadImport(plural, file, locale);
    const first = await importApi.preview(plural, uploaded.id, locale);
    setPreview(first);
    setMapping(first.mapping);
  });
  const remap = (next: ImportMapping) => attempt(async () => {
    setMapping(next);
    setPreview(await importApi.preview(plural, preview!.id, locale, next));
  });
  const start = () => attempt(async () => setRun(await importApi.start(plural, preview!.id, locale, mapping, mode)));

  // While it runs: the progress from the server, committed with each batch.
  useEffect(() => {
    if (run?.status !== 'running') return;
    const timer = setTimeout(() => {
      importApi.get(plural, run.id).then(setRun, (err) => setError(explain(err)));
    }, POLL_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run, plural]);

  const title = localize(entity['x-label-plural'] ?? entity['x-label'], locale);
  const blocking = preview?.problems ?? [];
  return (
    <section className="t-card t-import" data-testid="import-page">
      <div className="t-card-header">
        <h2>{t('import.title', { entity: title })}</h2>
        <div className="t-actions"><button type="button" className="t-btn t-btn-ghost" data-testid="import-back" onClick={onList}>{t('import.back')}</button></div>
      </div>
      {error && <ErrorBanner message={error} onClose={() => setError(undefined)} />}
      {!preview && (
        <label className="t-import-upload">
          <span>{t('import.chooseFile')}</span>
          <input type="file" data-testid="import-file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={busy}
            onChange={(e) => { const file = e.target.files?.[0]; if (file) void upload(file); }} />
          <span className="t-muted">{t('import.fileHint')}</span>
        </label>
      )}
      {preview && !run && (
        <>
          <p className="t-muted" data-testid="import-summary">{t('import.fileSummary', { name: preview.fileName, total: preview.total })}{preview.mappingSource === 'remembered' ? ` ${t('import.remembered')}` : ''}</p>
          <ImportMappingTable preview={preview} mapping={mapping} locale={locale} disabled={busy} onChange={(next) => void remap(next)} />
          {blocking.length > 0 && (
            <ul className="t-import-problems" data-testid="import-problems">{blocking.map((p) => <li key={p.message}>{p.message}</li>)}</ul>
          )}
          <fieldset className="t-import-mode">
            <legend>{t('import.duplicates')}</legend>
            {(['skip', 'update', 'create'] as const).map((m) => (
              <label key={m}>
                <input type="radio" name="import-mode" value={m} data-testid={`import-mode-${m}`} checked={mode === m} onChange={() => setMode(m)} /> {t(`import.mode.${m}`)}
              </label>
            ))}
          </fieldset>
          <div className="t-actions">
            <button type="button" className="t-btn t-btn-primary" data-testid="import-start" disabled={busy || blocking.length > 0 || !Object.values(mapping).some(Boolean)} onClick={() => void start()}>
              {t('import.start', { total: preview.total })}
            </button>
          </div>
        </>
      )}
      {run && run.status === 'running' && (
        <div className="t-import-progress">
          <progress data-testid="import-progress" max={Math.max(run.total, 1)} value={run.processed} />
          <span>{t('import.progress', { done: run.processed, total: run.total })}</span>
        </div>
      )}
      {run && run.status !== 'running' && (
        <ImportResult plural={plural} locale={locale} run={run} busy={busy}
          onRevert={() => void attempt(async () => setRun(await importApi.revert(plural, run.id)))} />
      )}
    </section>
  );
}
