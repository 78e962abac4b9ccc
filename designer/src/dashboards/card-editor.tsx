import { useTranslation } from 'react-i18next';
import type { AppDefinition, ChartKind, DashboardCard } from '@tessera/metadata';
import { FilterBuilder } from '../filters/filter-builder';
import { localize } from '../localize';
import { LabelInputs } from '../views/view-editor-page';
import { CardPreview } from './card-preview';
import { groupOptions, measureOptions } from './edit-dashboards';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const CARD_EDITOR_KEYWORDS = ['dashboard.cards[].title', 'dashboard.cards[].entity', 'dashboard.cards[].chart', 'dashboard.cards[].measure', 'dashboard.cards[].group', 'dashboard.cards[].width', 'dashboard.cards[].filter'] as const;

const CHARTS: ChartKind[] = ['bar', 'line', 'pie', 'funnel', 'number'];

/** One card's settings: title, entity, chart, measure, grouping and width. */
export function CardEditor({ app, card, onPatch, onRemove }: { app: AppDefinition; card: DashboardCard; onPatch: (patch: Partial<DashboardCard>) => void; onRemove: () => void }) {
  const { t, i18n } = useTranslation();
  const entity = app.entities.find((e) => e['x-name'] === card.entity);
  const fieldLabel = (name: string) => localize(entity?.properties[name]?.['x-label'], i18n.language) || t(`viewEditor.system.${name}`, { defaultValue: name });
  const measureLabel = (m: string) => (m === 'count' ? t('dashboardEditor.count') : t(`dashboardEditor.${m.split(':')[0]}`, { field: fieldLabel(m.split(':')[1]) }));
  const groupLabel = (g: string) => (g.includes(':') ? `${fieldLabel(g.split(':')[0])} (${t(`dashboardEditor.bucket.${g.split(':')[1]}`)})` : fieldLabel(g));
  const measures = entity ? measureOptions(entity) : ['count'];
  const groups = entity ? groupOptions(entity) : [];
  return (
    <div className="d-card-editor" data-testid={`card-${card.id}`}>
      <LabelInputs value={card.title} onChange={(title) => onPatch({ title })} testId={`card-title-${card.id}`} />
      <div className="d-row">
        <label>{t('viewEditor.entity')}{' '}
          <select data-testid={`card-entity-${card.id}`} value={card.entity} onChange={(e) => onPatch({ entity: e.target.value })}>
            {app.entities.map((e) => <option key={e['x-name']} value={e['x-name']}>{localize(e['x-label'], i18n.language)}</option>)}
          </select>
        </label>
        <label>{t('dashboardEditor.chart')}{' '}
          <select data-testid={`card-chart-${card.id}`} value={card.chart} onChange={(e) => onPatch({ chart: e.target.value as ChartKind })}>
            {CHARTS.map((c) => <option key={c} value={c}>{t(`dashboardEditor.charts.${c}`)}</option>)}
          </select>
        </label>
        <label>{t('dashboardEditor.measure')}{' '}
          <select data-testid={`card-measure-${card.id}`} value={card.measure} onChange={(e) => onPatch({ measure: e.target.value as DashboardCard['measure'] })}>
            {measures.map((m) => <option key={m} value={m}>{measureLabel(m)}</option>)}
          </select>
        </label>
        {card.chart !== 'number' && (
          <label>{t('dashboardEditor.group')}{' '}
            <select data-testid={`card-group-${card.id}`} value={card.group ?? ''} onChange={(e) => onPatch({ group: e.target.value })}>
              {groups.map((g) => <option key={g} value={g}>{groupLabel(g)}</option>)}
            </select>
          </label>
        )}
        <label>{t('dashboardEditor.width')}{' '}
          <select data-testid={`card-width-${card.id}`} value={card.width ?? 1} onChange={(e) => onPatch({ width: Number(e.target.value) })}>
            {[1, 2, 3].map((w) => <option key={w} value={w}>{w}</option>)}
          </select>
        </label>
        <button type="button" className="d-btn d-btn-danger" data-testid={`card-remove-${card.id}`} onClick={onRemove}>{t('dashboardEditor.removeCard')}</button>
      </div>
      {entity && <FilterBuilder key={card.entity} id={`card-filter-${card.id}`} entity={entity} value={card.filter} onChange={(filter) => onPatch({ filter })} />}
      {entity && <CardPreview card={card} entity={entity} />}
    </div>
  );
}
