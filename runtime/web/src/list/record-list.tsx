import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { recordsApi, type RecordPage } from '../api/records-api';
import { localize, toLocale } from '../meta/localize';
import { formatCell } from '../records/format-cell';
import { ErrorBanner } from '../shell/error-banner';
import { FilterBuilder } from './filter-builder';
import { ListToolbar } from './list-toolbar';
import { nextSort, pageQuery } from './list-query';
import { useListView } from './use-list-view';

const PAGE_SIZE = 20;
const MAX_COLUMNS = 6;

export interface RecordListProps {
  entity: EntityDefinition;
  userId: string;
  /** Offer the board view (the entity has a select field to group by). */
  hasBoard: boolean;
  onOpen: (id: string) => void;
  onNew: () => void;
  onBoard: () => void;
}

/** An entity's records: sortable columns, search, filter builder, pages with a total, export. */
export function RecordList({ entity, userId, hasBoard, onOpen, onNew, onBoard }: RecordListProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const plural = entity['x-plural'];
  const { view, setView, saved, save, remove } = useListView(userId, entity['x-name']);
  const [page, setPage] = useState<RecordPage>();
  const [error, setError] = useState<string>();
  const columns = Object.entries(entity.properties).slice(0, MAX_COLUMNS);
  const query = useMemo(() => pageQuery(entity, view, PAGE_SIZE), [entity, view]);

  useEffect(() => {
    let live = true;
    setError(undefined);
    recordsApi.list(plural, query).then(
      (p) => { if (live) { setPage(p); performance.mark('tessera:list-rendered'); } },
      (e: Error) => live && setError(e.message),
    );
    return () => { live = false; };
  }, [plural, query]);

  const title = localize(entity['x-label-plural'] ?? entity['x-label'], locale);
  const total = page?.total ?? 0;
  const arrow = (name: string) => (view.sort === name ? ' ▲' : view.sort === `-${name}` ? ' ▼' : '');
  return (
    <div className="t-card" data-testid={`record-list-${entity['x-name']}`}>
      <div className="t-card-header">
        <h2>{title}</h2>
        <div className="t-actions">
          {hasBoard && <button type="button" className="t-btn" data-testid="view-board" onClick={onBoard}>{t('board.open')}</button>}
          <button type="button" className="t-btn t-btn-primary" data-testid="record-new" onClick={onNew}>+ {t('list.new')}</button>
        </div>
      </div>
      <ListToolbar entity={entity} view={view} setView={setView} saved={saved} onSave={save} onRemove={remove} />
      <FilterBuilder entity={entity} conditions={view.conditions} onChange={(conditions) => setView({ conditions })} />
      {error && <ErrorBanner message={error} />}
      {page && page.data.length === 0 && <p className="t-empty" data-testid="list-empty">{t(view.q || view.conditions.length ? 'list.noMatch' : 'list.empty')}</p>}
      {page && page.data.length > 0 && (
        <div className="t-table-wrap">
          <table className="t-table">
            <thead>
              <tr>
                {columns.map(([name, field]) => (
                  <th key={name} data-testid={`column-${name}`} aria-sort={view.sort === name ? 'ascending' : view.sort === `-${name}` ? 'descending' : 'none'}>
                    <button type="button" className="t-sort" data-testid={`sort-${name}`} title={t('list.sortBy')} onClick={() => setView({ sort: nextSort(view.sort, name) })}>
                      {localize(field['x-label'], locale)}{arrow(name)}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.data.map((record) => (
                <tr key={record.id} data-testid="record-row" data-record-id={record.id} tabIndex={0} onClick={() => onOpen(record.id)} onKeyDown={(e) => e.key === 'Enter' && onOpen(record.id)}>
                  {columns.map(([name, field]) => <td key={name}>{formatCell(field, record[name], locale, [t('list.yes'), t('list.no')])}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && total > 0 && (
        <div className="t-pager">
          <span className="t-muted" data-testid="list-range">{t('list.range', { from: view.offset + 1, to: Math.min(view.offset + PAGE_SIZE, total), total: new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US').format(total) })}</span>
          <button type="button" className="t-btn" data-testid="page-prev" disabled={view.offset === 0} onClick={() => setView({ offset: Math.max(0, view.offset - PAGE_SIZE) })}>{t('list.previous')}</button>
          <button type="button" className="t-btn" data-testid="page-next" disabled={view.offset + PAGE_SIZE >= total} onClick={() => setView({ offset: view.offset + PAGE_SIZE })}>{t('list.next')}</button>
        </div>
      )}
    </div>
  );
}
