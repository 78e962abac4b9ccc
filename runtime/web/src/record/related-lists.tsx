import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { recordsApi, type RecordPage } from '../api/records-api';
import { localize, toLocale } from '../meta/localize';
import { formatCell } from '../records/format-cell';
import { findRelated, type RelatedList } from './find-related';

const ROWS = 10;
const COLUMNS = 4;

/** The record's children, one small table per one-to-many relation, each row a link. */
export function RelatedLists({ entity, entities, recordId }: { entity: EntityDefinition; entities: readonly EntityDefinition[]; recordId: string }) {
  const related = findRelated(entity, entities);
  if (related.length === 0) return null;
  return <>{related.map((r) => <RelatedTable key={`${r.child['x-name']}.${r.field}`} related={r} recordId={recordId} />)}</>;
}

function RelatedTable({ related: { child, field }, recordId }: { related: RelatedList; recordId: string }) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const plural = child['x-plural'];
  const [page, setPage] = useState<RecordPage>();
  const [error, setError] = useState<string>();
  const columns = Object.entries(child.properties).filter(([name]) => name !== field).slice(0, COLUMNS);

  useEffect(() => {
    let live = true;
    const query = new URLSearchParams({ [`filter[${field}]`]: recordId, limit: String(ROWS), offset: '0', count: 'true', sort: '-created_at' });
    // A user without read access to the child simply gets no list (403), not an error page.
    recordsApi.list(plural, query.toString()).then((p) => live && setPage(p), (e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [plural, field, recordId]);

  if (error) return null;
  return (
    <section className="t-card t-related" data-testid={`related-${plural}`}>
      <div className="t-card-header">
        <h3>{localize(child['x-label-plural'] ?? child['x-label'], locale)}{page ? ` (${page.total})` : ''}</h3>
        <a className="t-btn t-btn-ghost" href={`#/${encodeURIComponent(plural)}/new`}>+ {t('list.new')}</a>
      </div>
      {page && page.data.length === 0 && <p className="t-empty">{t('record.noRelated')}</p>}
      {page && page.data.length > 0 && (
        <table className="t-table">
          <thead><tr>{columns.map(([name, f]) => <th key={name}>{localize(f['x-label'], locale)}</th>)}</tr></thead>
          <tbody>
            {page.data.map((row) => (
              <tr key={row.id} data-testid="related-row">
                {columns.map(([name, f], i) => {
                  const text = formatCell(f, row[name], locale, [t('list.yes'), t('list.no')], row);
                  return <td key={name}>{i === 0 ? <a href={`#/${encodeURIComponent(plural)}/${encodeURIComponent(row.id)}`}>{text || t('record.untitled')}</a> : text}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
