import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { recordsApi, type RecordPage } from '../api/records-api';
import { localize, toLocale } from '../meta/localize';
import { cellValue, referenceFields } from '../records/cell-value';
import { CellContent } from '../records/cell-content';
import { useCellContext } from '../records/use-cell-context';
import { withExpand } from '../records/with-expand';
import { ErrorBanner } from '../shell/error-banner';
import { BulkBar } from './bulk-bar';
import { bulkCreateTargets } from './bulk-create-targets';
import { entityAccess } from './entity-access';
import { useCapabilities, useEntityCapabilities } from '../permissions/capabilities-context';
import { FilterBuilder } from './filter-builder';
import { useFieldTypeFacts } from '../field-types/field-types-context';
import { ListToolbar } from './list-toolbar';
import { nextSort, pageQuery } from './list-query';
import { useListView } from './use-list-view';
import { relatedFilters, type RelatedFilter } from './related-filters';
import { isSystemFilter } from './system-filters';
import { pathCell } from '../meta/view-cell';
import { viewColumns, withViewDefinition } from './view-definition-query';

const PAGE_SIZE = 20;
const MAX_COLUMNS = 6;
const NO_ENTITIES: readonly EntityDefinition[] = [];
const NO_RELATED: readonly RelatedFilter[] = [];

export interface RecordListProps {
  entity: EntityDefinition;
  userId: string;
  /** Offer the board view (the entity has a select field to group by). */
  hasBoard: boolean;
  onOpen: (id: string) => void;
  onNew: () => void;
  /** Opens the import screen (shown with the `import` grant). */
  onImport?: () => void;
  /** Opens the entity's public pool; shown when it has one and the user may claim. */
  onPool?: () => void;
  onBoard: () => void;
  /** With the app, rows get checkboxes and the bulk actions the user's capabilities allow. */
  app?: AppDefinition;
}

/** An entity's records: sortable columns, search, filter builder, pages with a total, export. */
export function RecordList({ entity, userId, hasBoard, onOpen, onNew, onBoard, onImport, onPool, app }: RecordListProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const plural = entity['x-plural'];
  const grant = useEntityCapabilities(entity['x-name']);
  const caps = useCapabilities();
  const facts = useFieldTypeFacts();
  // Fields of related records the filter offers (customer.industry); undefined until the field types and capabilities are known.
  const related = useMemo(() => (!app ? NO_RELATED : facts && caps ? relatedFilters(app, entity, facts, caps) : undefined), [app, entity, facts, caps]);
  const { view, setView, saved, save, remove, viewsError, clearViewsError } = useListView(userId, entity, related);
  // A row over a related field (a restored view) waits for them: sent without it, the list would show unfiltered rows meanwhile.
  const waiting = !related && view.conditions.some((c) => c.field.includes('.') && !isSystemFilter(c.field));
  const access = useMemo(() => entityAccess(grant), [grant]);
  const bulk = Boolean(app && (access.can('update') || access.can('delete') || bulkCreateTargets(app, entity, caps).length > 0));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reloadKey, setReloadKey] = useState(0);
  const [page, setPage] = useState<RecordPage>();
  const [error, setError] = useState<string>();
  // List views from metadata (issue 7): the picker's choices; the chosen one sets columns, sort and a filter.
  const listViews = useMemo(() => (app?.views ?? []).filter((v) => v.kind === 'list' && v.entity === entity['x-name']), [app, entity]);
  const active = listViews.find((v) => v.name === view.viewName);
  const viewCols = app && active?.columns?.length ? viewColumns(app, entity, active) : [];
  const columns = viewCols.length ? viewCols : Object.entries(entity.properties).slice(0, MAX_COLUMNS);
  // Relation columns come expanded (one query per relation, not per row); user columns get names in one directory call.
  const refs = referenceFields(entity, columns.map(([name]) => name));
  // Whose record it is: an Owner column after the entity's own (names from the user directory), unless
  // the entity has a field of that name or the user may not see it.
  const showOwner = !Object.hasOwn(entity.properties, 'owner') && !grant?.hidden.includes('owner') && !columns.some(([name]) => name === 'owner');
  const expandKey = refs.expand.join(',');
  const query = useMemo(() => withExpand(withViewDefinition(pageQuery(entity, view, PAGE_SIZE, related), entity, active, userId), expandKey ? expandKey.split(',') : []),
    [entity, view, active, userId, expandKey, related]);
  const chooseView = (name: string) => {
    const next = listViews.find((v) => v.name === name);
    setView({ viewName: next?.name, sort: next?.sort?.join(','), conditions: [] });
  };
  const cells = useCellContext(app?.entities ?? NO_ENTITIES, page?.data, showOwner ? [...refs.users, 'owner'] : refs.users);
  const cell = (name: string, field: (typeof columns)[number][1], record: Record<string, unknown>) =>
    app && active ? pathCell(app, entity, name, record, cells) : cellValue(name, field, record[name], cells, record);

  useEffect(() => {
    if (waiting) return;
    let live = true;
    setError(undefined);
    recordsApi.list(plural, query).then(
      (p) => { if (live) { setPage(p); setSelected(new Set()); performance.mark('tessera:list-rendered'); } },
      (e: Error) => live && setError(e.message),
    );
    return () => { live = false; };
  }, [plural, query, reloadKey, waiting]);

  const title = localize(entity['x-label-plural'] ?? entity['x-label'], locale);
  const total = page?.total ?? 0;
  const rowsOnPage = page?.data ?? [];
  const allOnPage = rowsOnPage.length > 0 && rowsOnPage.every((r) => selected.has(r.id));
  const toggle = (id: string) => setSelected((s) => { const next = new Set(s); if (next.has(id)) next.delete(id); else next.add(id); return next; });
  const arrow = (name: string) => (view.sort === name ? ' ▲' : view.sort === `-${name}` ? ' ▼' : '');
  return (
    <div className="t-card" data-testid={`record-list-${entity['x-name']}`}>
      <div className="t-card-header">
        <h2>{title}</h2>
        <div className="t-actions">
          {listViews.length > 0 && (
            <select className="t-view-picker" data-testid="list-view-picker" aria-label={t('views.listView')} value={active?.name ?? ''} onChange={(e) => chooseView(e.target.value)}>
              <option value="">{t('views.default')}</option>
              {listViews.map((v) => <option key={v.name} value={v.name}>{localize(v.label, locale)}</option>)}
            </select>
          )}
          {hasBoard && <button type="button" className="t-btn" data-testid="view-board" onClick={onBoard}>{t('board.open')}</button>}
          {onImport && access.can('import') && <button type="button" className="t-btn" data-testid="import-open" onClick={onImport}>{t('import.open')}</button>}
          {onPool && entity['x-pool'] && access.can('claim') && <button type="button" className="t-btn" data-testid="pool-open" onClick={onPool}>{t('pool.open')}</button>}
          {access.can('create') && <button type="button" className="t-btn t-btn-primary" data-testid="record-new" onClick={onNew}>+ {t('list.new')}</button>}
        </div>
      </div>
      <ListToolbar entity={entity} canExport={access.can('export')} view={view} setView={setView} saved={saved} onSave={save} onRemove={remove} related={related} />
      <FilterBuilder entity={entity} facts={facts} hidden={grant?.hidden} related={related} conditions={view.conditions} onChange={(conditions) => setView({ conditions })} />
      {viewsError && <ErrorBanner message={viewsError} onClose={clearViewsError} />}
      {error && <ErrorBanner message={error} />}
      {app && bulk && selected.size > 0 && (
        <BulkBar app={app} entity={entity} access={access} selected={rowsOnPage.filter((r) => selected.has(r.id))}
          onDone={() => setReloadKey((k) => k + 1)} onClear={() => setSelected(new Set())} />
      )}
      {page && page.data.length === 0 && <p className="t-empty" data-testid="list-empty">{t(view.q || view.conditions.length ? 'list.noMatch' : 'list.empty')}</p>}
      {page && page.data.length > 0 && (
        <div className="t-table-wrap">
          <table className="t-table t-cards">
            <thead>
              <tr>
                {bulk && (
                  <th className="t-select-cell">
                    <input type="checkbox" data-testid="select-all" aria-label={t('bulk.selectAll')} checked={allOnPage}
                      onChange={() => setSelected(allOnPage ? new Set() : new Set(rowsOnPage.map((r) => r.id)))} />
                  </th>
                )}
                {columns.map(([name, field]) => (
                  <th key={name} data-testid={`column-${name}`} aria-sort={view.sort === name ? 'ascending' : view.sort === `-${name}` ? 'descending' : 'none'}>
                    {/* The API sorts by the entity's own fields only: a related column is a plain header. */}
                    {name.includes('.') ? localize(field['x-label'], locale) : (
                      <button type="button" className="t-sort" data-testid={`sort-${name}`} title={t('list.sortBy')} onClick={() => setView({ sort: nextSort(view.sort, name) })}>
                        {localize(field['x-label'], locale)}{arrow(name)}
                      </button>
                    )}
                  </th>
                ))}
                {showOwner && <th data-testid="column-owner">{t('system.owner')}</th>}
              </tr>
            </thead>
            <tbody>
              {page.data.map((record) => (
                <tr key={record.id} data-testid="record-row" data-record-id={record.id} tabIndex={0} onClick={() => onOpen(record.id)} onKeyDown={(e) => e.target === e.currentTarget && e.key === 'Enter' && onOpen(record.id)}>
                  {bulk && (
                    <td className="t-select-cell" onClick={(e) => e.stopPropagation()}>
                      <input type="checkbox" data-testid="select-row" aria-label={t('bulk.selectRow', { name: String(record[entity['x-display-field'] ?? 'name'] ?? record.id) })}
                        checked={selected.has(record.id)} onChange={() => toggle(record.id)} />
                    </td>
                  )}
                  {/* Text only: the row opens its record on click, and a link inside it would steal that click. */}
                  {/* data-label: on a phone each row is a card of "label: value" lines (app.css). */}
                  {columns.map(([name, field]) => <td key={name} data-label={localize(field['x-label'], locale)}><CellContent cell={cell(name, field, record)} plain /></td>)}
                  {showOwner && <td data-testid="cell-owner" data-label={t('system.owner')}>{typeof record.owner === 'string' ? cells.users[record.owner] ?? '' : ''}</td>}
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
