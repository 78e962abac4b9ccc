import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { recordsApi, type RecordPage } from '../api/records-api';
import { localize, toLocale } from '../meta/localize';
import { cellValue, referenceFields } from '../records/cell-value';
import { CellContent } from '../records/cell-content';
import { useCellContext } from '../records/use-cell-context';
import { findRelated, newRelatedHref, type RelatedList } from './find-related';
import { useCapabilities } from '../permissions/capabilities-context';
import { canRead } from '../permissions/app-menu';

const ROWS = 10;
const COLUMNS = 4;

/** The record's children, one small table per one-to-many relation, each row a link. */
export function RelatedLists({ entity, entities, recordId }: { entity: EntityDefinition; entities: readonly EntityDefinition[]; recordId: string }) {
  const caps = useCapabilities();
  // Children the user may not read get no list at all (the API would answer 403).
  const related = findRelated(entity, entities).filter((r) => canRead(caps, r.child['x-name']));
  if (related.length === 0) return null;
  return <>{related.map((r) => <RelatedTable key={`${r.child['x-name']}.${r.field}`} related={r} recordId={recordId} entities={entities} />)}</>;
}

function RelatedTable({ related: { child, field }, recordId, entities }: { related: RelatedList; recordId: string; entities: readonly EntityDefinition[] }) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const plural = child['x-plural'];
  const [page, setPage] = useState<RecordPage>();
  const [error, setError] = useState<string>();
  const columns = Object.entries(child.properties).filter(([name]) => name !== field).slice(0, COLUMNS);
  // The child's other references (a follow-up's contact) come expanded with the page: one query per relation.
  const refs = referenceFields(child, columns.map(([name]) => name));
  const expand = refs.expand.join(',');
  const cells = useCellContext(entities, page?.data, refs.users);
  const canCreate = Boolean(useCapabilities()?.entities[child['x-name']]?.actions.includes('create'));

  useEffect(() => {
    let live = true;
    const query = new URLSearchParams({ [`filter[${field}]`]: recordId, limit: String(ROWS), offset: '0', count: 'true', sort: '-created_at' });
    if (expand) query.set('expand', expand);
    // A user without read access to the child simply gets no list (403), not an error page.
    recordsApi.list(plural, query.toString()).then((p) => live && setPage(p), (e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [plural, field, recordId, expand]);

  if (error) return null;
  return (
    <section className="t-card t-related" data-testid={`related-${plural}`}>
      <div className="t-card-header">
        <h3>{localize(child['x-label-plural'] ?? child['x-label'], locale)}{page ? ` (${page.total})` : ''}</h3>
        {/* The new record starts with its parent filled in (`#/contacts/new?customer=<id>`). */}
        {canCreate && <a className="t-btn t-btn-ghost" data-testid={`related-new-${plural}`} href={newRelatedHref(child, field, recordId)}>+ {t('list.new')}</a>}
      </div>
      {page && page.data.length === 0 && <p className="t-empty">{t('record.noRelated')}</p>}
      {page && page.data.length > 0 && (
        <table className="t-table">
          <thead><tr>{columns.map(([name, f]) => <th key={name}>{localize(f['x-label'], locale)}</th>)}</tr></thead>
          <tbody>
            {page.data.map((row) => (
              <tr key={row.id} data-testid="related-row">
                {columns.map(([name, f], i) => {
                  const cell = cellValue(name, f, row[name], cells, row);
                  return <td key={name} data-label={localize(f['x-label'], locale)}>{i === 0 ? <a href={`#/${encodeURIComponent(plural)}/${encodeURIComponent(row.id)}`}>{cell.text || t('record.untitled')}</a> : <CellContent cell={cell} />}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
