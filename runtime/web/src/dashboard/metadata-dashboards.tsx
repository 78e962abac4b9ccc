import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition, DashboardDefinition } from '@tessera/metadata';
import { localize, toLocale } from '../meta/localize';
import type { DashboardFilter } from './dashboard-filter';
import { MetricCard } from './metric-card';
import { MetricValueCard } from './metric-value-card';

export interface MetadataDashboardsProps {
  app: AppDefinition;
  dashboards: DashboardDefinition[];
  userId?: string;
  /** The dashboard bar's range and owner, which every card applies. */
  filter: DashboardFilter;
  team: readonly string[];
  timeZone: string;
}

/** The app's dashboards from metadata: tabs when there are several (arrow keys move, as WAI-ARIA tabs do), each a grid of cards. */
export function MetadataDashboards({ app, dashboards, userId, filter, team, timeZone }: MetadataDashboardsProps) {
  const { i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const [name, setName] = useState(dashboards[0].name);
  const current = dashboards.find((d) => d.name === name) ?? dashboards[0];
  const onKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = dashboards[(dashboards.indexOf(current) + step + dashboards.length) % dashboards.length];
    setName(next.name);
    document.getElementById(`t-dashboard-tab-${next.name}`)?.focus();
  };
  return (
    <>
      {dashboards.length > 1 && (
        <div className="t-tabs" role="tablist" aria-label={localize(app.label, locale)} onKeyDown={onKey}>
          {dashboards.map((d) => (
            <button key={d.name} id={`t-dashboard-tab-${d.name}`} type="button" role="tab" aria-selected={d === current} tabIndex={d === current ? 0 : -1}
              className={d === current ? 't-tab t-active' : 't-tab'} data-testid={`dashboard-tab-${d.name}`} onClick={() => setName(d.name)}>
              {localize(d.label, locale)}
            </button>
          ))}
        </div>
      )}
      {dashboards.length === 1 && <h3 className="t-muted" data-testid={`dashboard-name-${current.name}`}>{localize(current.label, locale)}</h3>}
      <div className="t-charts" role={dashboards.length > 1 ? 'tabpanel' : undefined} data-testid={`dashboard-${current.name}`}>
        {/* The app's metrics first, as a row of key figures above the charts (issue 21). */}
        {current.metrics?.map((card) => <MetricValueCard key={`${current.name}/metric/${card.id}`} app={app} card={card} filter={filter} />)}
        {current.cards.map((card) => {
          const entity = app.entities.find((e) => e['x-name'] === card.entity);
          return entity ? <MetricCard key={`${current.name}/${card.id}`} card={card} entity={entity} userId={userId} filter={filter} team={team} timeZone={timeZone} /> : null;
        })}
      </div>
    </>
  );
}
