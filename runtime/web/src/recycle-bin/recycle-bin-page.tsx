import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import type { Capabilities } from '../api/capabilities-api';
import { localize, toLocale } from '../meta/localize';
import { timeAgo } from '../notifications/time-ago';
import { ErrorBanner } from '../shell/error-banner';
import { binEntities } from './bin-entities';
import { cascadeList } from './cascade-text';
import { recycleBinApi, type BinEntry } from './recycle-bin-api';

export interface RecycleBinPageProps {
  app: AppDefinition;
  capabilities: Capabilities;
  /** `#/_recycle-bin?entity={plural}`: the entity shown first. */
  plural?: string;
}

/**
 * The recycle bin: per entity the user may delete, the deletions in their scope (what, who,
 * when, what came along), newest first; Restore brings a record back with exactly what its
 * deletion took; admins may delete one for good at once (else the nightly purge does).
 */
export default function RecycleBinPage({ app, capabilities, plural }: RecycleBinPageProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const entities = binEntities(app, capabilities);
  const [current, setCurrent] = useState(() => entities.find((e) => e['x-plural'] === plural)?.['x-plural'] ?? entities[0]?.['x-plural']);
  const [entries, setEntries] = useState<BinEntry[]>();
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [purging, setPurging] = useState<BinEntry>();
  const [busy, setBusy] = useState(false);
  const entity = entities.find((e) => e['x-plural'] === current);

  const load = useCallback(async (offset = 0) => {
    if (!current) return;
    try {
      const page = await recycleBinApi.list(current, offset);
      setEntries((before) => (offset === 0 ? page.data : [...(before ?? []), ...page.data]));
      setHasMore(page.hasMore);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [current]);
  useEffect(() => {
    setEntries(undefined);
    void load(0);
  }, [load]);

  const titleOf = (entry: BinEntry) => entry.title ?? t('record.untitled');
  async function restore(entry: BinEntry) {
    setBusy(true);
    setError(undefined);
    try {
      await recycleBinApi.restore(current!, entry.id);
      const list = cascadeList(entry.with, locale);
      setNotice(list ? t('recycleBin.restoredWith', { title: titleOf(entry), list }) : t('recycleBin.restored', { title: titleOf(entry) }));
      setEntries((now) => now?.filter((e) => e.id !== entry.id));
    } catch (e) {
      setError(`${titleOf(entry)}: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }
  async function purge(entry: BinEntry) {
    setBusy(true);
    setError(undefined);
    try {
      await recycleBinApi.purge(current!, entry.id);
      setNotice(t('recycleBin.purged', { title: titleOf(entry) }));
      setEntries((now) => now?.filter((e) => e.id !== entry.id));
    } catch (e) {
      setError(`${titleOf(entry)}: ${(e as Error).message}`);
    } finally {
      setPurging(undefined);
      setBusy(false);
    }
  }

  const now = new Date();
  const plurals = entity ? localize(entity['x-label-plural'] ?? entity['x-label'], locale) : '';
  return (
    <div className="t-card" data-testid="recycle-bin-page">
      <div className="t-card-header"><h2>{t('recycleBin.title')}</h2></div>
      {entities.length === 0 && <p className="t-empty" data-testid="recycle-bin-none">{t('recycleBin.none')}</p>}
      {entities.length > 0 && (
        <div role="tablist" className="t-form-tabs" aria-label={t('recycleBin.entity')}>
          {entities.map((e) => (
            <button key={e['x-name']} type="button" role="tab" aria-selected={e['x-plural'] === current} data-testid={`recycle-bin-tab-${e['x-name']}`}
              className={e['x-plural'] === current ? 't-form-tab t-active' : 't-form-tab'} onClick={() => { setNotice(undefined); setCurrent(e['x-plural']); }}>
              {localize(e['x-label-plural'] ?? e['x-label'], locale)}
            </button>
          ))}
        </div>
      )}
      {error && <ErrorBanner message={error} onClose={() => setError(undefined)} />}
      {notice && <p className="t-muted" role="status" data-testid="recycle-bin-notice">{notice}</p>}
      {entity && !entries && !error && <p className="t-muted">{t('app.loading')}</p>}
      {entity && entries?.length === 0 && <p className="t-empty" data-testid="recycle-bin-empty">{t('recycleBin.empty', { entity: plurals })}</p>}
      {entity && entries && entries.length > 0 && (
        <div className="t-table-wrap">
          <table className="t-table">
            <thead>
              <tr>
                <th>{t('recycleBin.record')}</th><th>{t('recycleBin.deletedBy')}</th><th>{t('recycleBin.deletedAt')}</th>
                <th>{t('recycleBin.with')}</th><th>{t('recycleBin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="recycle-bin-row" data-record-id={entry.id}>
                  <td data-label={t('recycleBin.record')} data-testid="recycle-bin-title">{titleOf(entry)}</td>
                  <td data-label={t('recycleBin.deletedBy')}>{entry.deletedBy?.username ?? t('recycleBin.someone')}</td>
                  <td data-label={t('recycleBin.deletedAt')}><time dateTime={entry.deletedAt} title={new Date(entry.deletedAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US')}>{timeAgo(entry.deletedAt, now, locale)}</time></td>
                  <td data-label={t('recycleBin.with')} data-testid="recycle-bin-with">{cascadeList(entry.with, locale) || '—'}</td>
                  <td className="t-actions">
                    <button type="button" className="t-btn t-btn-primary" data-testid="recycle-bin-restore" disabled={busy} onClick={() => void restore(entry)}>{t('recycleBin.restore')}</button>
                    {capabilities.admin && <button type="button" className="t-btn t-btn-danger" data-testid="recycle-bin-purge" disabled={busy} onClick={() => setPurging(entry)}>{t('recycleBin.purge')}</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasMore && <button type="button" className="t-btn" data-testid="recycle-bin-more" onClick={() => void load(entries?.length ?? 0)}>{t('recycleBin.more')}</button>}
      {purging && (
        <div className="t-dialog-backdrop" role="presentation">
          <div className="t-dialog t-card" role="alertdialog" aria-modal="true" aria-labelledby="t-purge-title" data-testid="recycle-bin-purge-dialog" onKeyDown={(e) => e.key === 'Escape' && setPurging(undefined)}>
            <h3 id="t-purge-title">{t('recycleBin.purgeConfirm', { title: titleOf(purging) })}</h3>
            <div className="t-form-actions">
              <button type="button" className="t-btn t-btn-danger" data-testid="recycle-bin-purge-confirm" disabled={busy} autoFocus onClick={() => void purge(purging)}>{t('recycleBin.purge')}</button>
              <button type="button" className="t-btn" onClick={() => setPurging(undefined)}>{t('form.cancel')}</button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
