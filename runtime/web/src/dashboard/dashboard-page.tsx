import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { ChartCard } from './chart-card';
import { dashboardCharts } from './dashboard-charts';

/** The dashboard: charts derived from the app's metadata. Its own chunk, with recharts. */
export default function DashboardPage({ app }: { app: AppDefinition }) {
  const { t } = useTranslation();
  const specs = useMemo(() => dashboardCharts(app), [app]);
  return (
    <div data-testid="dashboard">
      <h2>{t('dashboard.title')}</h2>
      <div className="t-charts">{specs.map((spec) => <ChartCard key={spec.id} spec={spec} />)}</div>
    </div>
  );
}
