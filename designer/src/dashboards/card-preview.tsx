import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardCard, EntityDefinition } from '@tessera/metadata';
import { fetchAggregate } from '../api/meta-api';

/**
 * The card's numbers as a table, from the published app's aggregate API. A card over fields
 * not yet published cannot be previewed until they are; the error says why.
 */
export function CardPreview({ card, entity }: { card: DashboardCard; entity: EntityDefinition }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Record<string, unknown>[]>();
  const [error, setError] = useState<string>();
  const load = async () => {
    const params = new URLSearchParams({ measures: card.measure, limit: '20' });
    if (card.group) params.set('group', card.group);
    // `$me` is bound by the app per user; the preview shows the designer's own numbers.
    if (card.filter) params.set('filter', JSON.stringify(card.filter).split('"$me"').join('"00000000-0000-4000-8000-000000000000"'));
    const answer = await fetchAggregate(entity['x-plural'], params.toString());
    if (answer.ok) { setRows(answer.value.data); setError(undefined); } else setError(answer.message);
  };
  return (
    <div className="d-card-preview">
      <button type="button" className="d-btn d-btn-ghost" data-testid={`card-preview-${card.id}`} onClick={() => void load()}>{t('dashboardEditor.preview')}</button>
      {error && <p className="d-error" role="alert">{error}</p>}
      {rows && (
        <table className="d-table" data-testid={`card-preview-table-${card.id}`}>
          <thead><tr>{card.group && <th>{card.group}</th>}<th>{card.measure}</th></tr></thead>
          <tbody>{rows.map((r, i) => <tr key={i}>{card.group && <td>{String(r[card.group] ?? '—')}</td>}<td>{String(r[card.measure] ?? 0)}</td></tr>)}</tbody>
        </table>
      )}
    </div>
  );
}
