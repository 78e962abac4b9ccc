import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import type { DirectoryUser } from '../api/inbox-api';
import { localize, toLocale } from '../meta/localize';
import { PluginDashboardCards } from '../plugins/plugin-dashboard-cards';
import { PinnedReports } from '../reports/pinned-reports';
import { dashboardApi } from './dashboard-api';
import { DashboardFilterBar } from './dashboard-filter-bar';
import { dashboardCharts } from './dashboard-charts';
import { MetadataDashboards } from './metadata-dashboards';
import { MetricCard } from './metric-card';
import { useDashboardFilter } from './use-dashboard-filter';
import { useCapabilities } from '../permissions/capabilities-context';
import { canRead } from '../permissions/app-menu';

export interface DashboardPageProps {
  app: AppDefinition;
  userId?: string;
  /** The workspace's IANA time zone (`/api/_meta/app`); the browser's when the server names none. */
  timeZone?: string;
}

/**
 * The dashboard: the app's dashboard definitions (issue 8), or, for an app without any, charts
 * derived from its metadata — all under one bar of time range and owner that every card applies
 * (issue 21). Its own chunk, with recharts.
 */
export default function DashboardPage({ app, userId, timeZone }: DashboardPageProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const caps = useCapabilities();
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [filter, setFilter] = useDashboardFilter();
  const [teammates, setTeammates] = useState<DirectoryUser[]>([]);
  useEffect(() => {
    let live = true;
    // Without the list, "my team" is just the viewer: the numbers stay right, only the choice of people is shorter.
    dashboardApi.teammates().then((users) => live && setTeammates(users), () => undefined);
    return () => { live = false; };
  }, [userId]);
  const team = useMemo(() => teammates.map((u) => u.id), [teammates]);
  // Derived charts only over entities the user may read (the app's own dashboards come filtered by the server).
  const derived = useMemo(() => (app.dashboards ? [] : dashboardCharts(app).filter((s) => canRead(caps, s.entity['x-name']))), [app, caps]);
  const shared = { filter, team, timeZone: zone, userId };
  return (
    <div data-testid="dashboard">
      <h2>{t('dashboard.title')}</h2>
      <DashboardFilterBar filter={filter} onChange={setFilter} userId={userId} teammates={teammates} timeZone={zone} />
      {app.dashboards?.length ? <MetadataDashboards app={app} dashboards={app.dashboards} {...shared} /> : null}
      <div className="t-charts">
        {derived.map(({ card, entity, heading }) => {
          const labels = { entity: localize(entity['x-label-plural'] ?? entity['x-label'], locale), field: localize(entity.properties[card.group ?? '']?.['x-label'], locale) };
          return <MetricCard key={card.id} card={card} entity={entity} heading={t(`dashboard.${heading}`, labels)} {...shared} />;
        })}
      </div>
      {/* The viewer's own pinned reports: each runs as saved, outside the bar's range and owner. */}
      <PinnedReports app={app} />
      <PluginDashboardCards />
    </div>
  );
}
