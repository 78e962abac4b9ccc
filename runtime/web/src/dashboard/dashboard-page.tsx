import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { PluginDashboardCards } from '../plugins/plugin-dashboard-cards';
import { ChartCard } from './chart-card';
import { dashboardCharts } from './dashboard-charts';
import { MetadataDashboards } from './metadata-dashboards';
import { useCapabilities } from '../permissions/capabilities-context';
import { canRead } from '../permissions/app-menu';

/**
 * The dashboard: the app's dashboard definitions (issue 8), or, for an app without any, charts
 * derived from its metadata. Its own chunk, with recharts.
 */
export default function DashboardPage({ app, userId }: { app: AppDefinition; userId?: string }) {
  const { t } = useTranslation();
  const caps = useCapabilities();
  // Derived charts only over entities the user may read (the app's own dashboards come filtered by the server).
  const specs = useMemo(() => (app.dashboards ? [] : dashboardCharts(app).filter((s) => canRead(caps, s.entity['x-name']))), [app, caps]);
  return (
    <div data-testid="dashboard">
      <h2>{t('dashboard.title')}</h2>
      {app.dashboards?.length ? <MetadataDashboards app={app} dashboards={app.dashboards} userId={userId} /> : null}
      <div className="t-charts">{specs.map((spec) => <ChartCard key={spec.id} spec={spec} />)}</div>
      <PluginDashboardCards />
    </div>
  );
}
