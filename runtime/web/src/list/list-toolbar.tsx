import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { recordsApi } from '../api/records-api';
import { viewQuery, type ListViewState } from './list-query';
import type { RelatedFilter } from './related-filters';
import type { SavedView } from './use-list-view';

export interface ListToolbarProps {
  entity: EntityDefinition;
  /** The user's `export` grant: the export links show only with it. */
  canExport?: boolean;
  view: ListViewState;
  setView: (patch: Partial<ListViewState>) => void;
  saved: SavedView[];
  onSave: (name: string) => void;
  onRemove: (name: string) => void;
  /** The related fields the filter builder offers (an export filters by them too). */
  related?: readonly RelatedFilter[];
}

const SEARCH_DELAY_MS = 300;

/** Search box, saved views and export of exactly what the list shows (same sort, search, filter). */
export function ListToolbar({ entity, canExport = false, view, setView, saved, onSave, onRemove, related }: ListToolbarProps) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState(view.q);
  const [naming, setNaming] = useState<string>();
  // Query the server once the user pauses, not on every keystroke.
  useEffect(() => {
    if (q === view.q) return;
    const timer = setTimeout(() => setView({ q }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, view.q, setView]);

  const exportHref = (format: 'csv' | 'xlsx') => {
    const params = viewQuery(entity, view, related);
    params.set('format', format);
    params.set('locale', i18n.language === 'zh' ? 'zh' : 'en');
    return recordsApi.exportUrl(entity['x-plural'], params.toString());
  };

  return (
    <div className="t-toolbar">
      <input type="search" className="t-search" data-testid="list-search" placeholder={t('list.search')} aria-label={t('list.search')} value={q} onChange={(e) => setQ(e.target.value)} />
      <select aria-label={t('list.savedViews')} data-testid="saved-views" value="" onChange={(e) => {
        const found = saved.find((s) => s.id === e.target.value);
        if (found) { setQ(found.view.q); setView(found.view); }
      }}>
        <option value="">{t('list.savedViews')}</option>
        {/* A view a publish broke (a field removed) cannot be opened; it can be saved over or deleted. */}
        {saved.map((s) => (
          <option key={s.id} value={s.id} disabled={Boolean(s.problems?.length)} title={s.problems?.join('; ')}>
            {s.mine ? s.name : t('views.sharedBy', { name: s.name, owner: s.ownerName ?? '' })}
          </option>
        ))}
      </select>
      {naming === undefined ? (
        <button type="button" className="t-btn t-btn-ghost" data-testid="view-save" onClick={() => setNaming('')}>{t('list.saveView')}</button>
      ) : (
        <form className="t-inline-form" onSubmit={(e) => { e.preventDefault(); if (naming.trim()) onSave(naming.trim()); setNaming(undefined); }}>
          <input data-testid="view-name" aria-label={t('list.viewName')} placeholder={t('list.viewName')} value={naming} autoFocus onChange={(e) => setNaming(e.target.value)} />
          <button type="submit" className="t-btn" data-testid="view-save-confirm">{t('form.save')}</button>
          {saved.some((s) => s.mine && s.name === naming.trim()) && <button type="button" className="t-btn t-btn-ghost" onClick={() => { onRemove(naming.trim()); setNaming(undefined); }}>{t('list.deleteView')}</button>}
        </form>
      )}
      <span className="t-spacer" />
      {canExport && <a className="t-btn" data-testid="export-csv" href={exportHref('csv')} download>{t('list.exportCsv')}</a>}
      {canExport && <a className="t-btn" data-testid="export-xlsx" href={exportHref('xlsx')} download>{t('list.exportXlsx')}</a>}
    </div>
  );
}
