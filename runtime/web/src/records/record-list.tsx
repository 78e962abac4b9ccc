import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { recordsApi, type RecordPage } from '../api/records-api';
import { localize, toLocale } from '../meta/localize';
import { ErrorBanner } from '../shell/error-banner';
import { formatCell } from './format-cell';

const PAGE_SIZE = 20;
const MAX_COLUMNS = 6;

export interface RecordListProps {
  entity: EntityDefinition;
  onOpen: (id: string) => void;
  onNew: () => void;
}

/** One page of an entity's records: the first fields as columns, newest page controls below. */
export function RecordList({ entity, onOpen, onNew }: RecordListProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const plural = entity['x-plural'];
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<RecordPage>();
  const [error, setError] = useState<string>();
  const columns = Object.entries(entity.properties).slice(0, MAX_COLUMNS);

  const load = useCallback(() => {
    setError(undefined);
    recordsApi.list(plural, PAGE_SIZE, offset).then(setPage, (e: Error) => setError(e.message));
  }, [plural, offset]);
  useEffect(load, [load]);
  useEffect(() => setOffset(0), [plural]);

  const title = localize(entity['x-label-plural'] ?? entity['x-label'], locale);
  const total = page?.total ?? 0;
  return (
    <div className="t-card" data-testid={`record-list-${entity['x-name']}`}>
      <div className="t-card-header">
        <h2>{title}</h2>
        <button type="button" className="t-btn t-btn-primary" data-testid="record-new" onClick={onNew}>+ {t('list.new')}</button>
      </div>
      {error && <ErrorBanner message={error} />}
      {page && page.data.length === 0 && <p className="t-empty">{t('list.empty')}</p>}
      {page && page.data.length > 0 && (
        <div className="t-table-wrap">
          <table className="t-table">
            <thead>
              <tr>{columns.map(([name, field]) => <th key={name} data-testid={`column-${name}`}>{localize(field['x-label'], locale)}</th>)}</tr>
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
      {total > PAGE_SIZE && (
        <div className="t-pager">
          <span className="t-muted">{t('list.range', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, total), total })}</span>
          <button type="button" className="t-btn" data-testid="page-prev" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>{t('list.previous')}</button>
          <button type="button" className="t-btn" data-testid="page-next" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>{t('list.next')}</button>
        </div>
      )}
    </div>
  );
}
