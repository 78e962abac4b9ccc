import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { localize, toLocale } from '../meta/localize';
import { PivotTable } from './pivot-table';
import { toPivot } from './pivot';
import { ReportChart } from './report-chart';
import { groupValueLabel, orderKeys } from './report-labels';
import { reportNames } from './report-names';
import { reportsApi, type SavedReport } from './reports-api';

const openInBuilder = (id: string) => { window.location.hash = `#/_reports?id=${encodeURIComponent(id)}`; };

/** One pinned report: run as the viewer (their own records), drawn as the builder draws it. */
function PinnedReportCard({ app, report, onUnpinned }: { app: AppDefinition; report: SavedReport; onUnpinned: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const intl = locale === 'zh' ? 'zh-CN' : 'en-US';
  const entity: EntityDefinition | undefined = app.entities.find((e) => e['x-name'] === report.entity);
  const [rows, setRows] = useState<Record<string, unknown>[]>();
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!entity) return;
    let live = true;
    reportsApi.run(report.id)
      .then(async (data) => { const found = await reportNames(app, entity, report.groups, data); if (live) { setNames(found); setRows(data); } })
      .catch((e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [report.id, report.updatedAt]);

  const groups = report.groups;
  const measure = report.measures[0] ?? 'count';
  const [fn, field = ''] = measure.split(':');
  const fieldLabel = (name: string) => (entity?.properties[name] ? localize(entity.properties[name]['x-label'], locale) : t(`system.${name}`));
  const labelCtx = { locale, empty: t('reports.empty'), other: t('reports.other'), yesNo: [t('list.yes'), t('list.no')] as [string, string], users: names };
  const label = (which: 'row' | 'col', key: string) => (entity ? groupValueLabel(entity, (which === 'row' ? groups[0] : groups[1]) ?? '', key, labelCtx) : key);
  const pivot = rows && entity ? toPivot(rows, groups, measure, (g, keys) => (g ? orderKeys(entity, g, keys, (k) => groupValueLabel(entity, g, k, labelCtx)) : keys)) : undefined;
  const format = (v: number) => (Number.isNaN(v) ? '—' : new Intl.NumberFormat(intl, { maximumFractionDigits: 2 }).format(v));
  const measureName = fn === 'count' ? t('reports.fns.count') : `${t(`reports.fns.${fn}`)} · ${fieldLabel(field)}`;
  const kind = report.chart ?? 'bar';
  const unpin = () => reportsApi.unpin(report.id).then(onUnpinned, (e: Error) => setError(e.message));

  return (
    <section className="t-card t-chart" data-testid={`pinned-report-${report.id}`} data-state={error ? 'error' : pivot ? 'ready' : 'loading'} aria-label={report.label}>
      <h3>{report.label}</h3>
      {error && <p className="t-danger" role="alert">{error}</p>}
      {!pivot && !error && <p className="t-muted">{t('app.loading')}</p>}
      {pivot && pivot.rowKeys.length === 0 && <p className="t-muted">{t('reports.noData')}</p>}
      {/* A click on a bar opens the report in the builder, where it drills into the records. */}
      {pivot && pivot.rowKeys.length > 0 && kind !== 'table' && <ReportChart pivot={pivot} kind={kind} stacked={groups.length === 2} label={label} format={format} measureName={measureName} onDrill={() => openInBuilder(report.id)} />}
      {pivot && pivot.rowKeys.length > 0 && kind === 'table' && groups.length > 0 && (
        <PivotTable pivot={pivot} rowHeader={fieldLabel(groups[0].split(':')[0])} measureName={measureName} twoWay={groups.length === 2} label={label} format={format} testId="pinned-report-table" />
      )}
      <div className="t-actions">
        <a href={`#/_reports?id=${encodeURIComponent(report.id)}`} className="t-btn" data-testid="pinned-report-open">{t('reports.openInBuilder')}</a>
        <button type="button" className="t-btn t-btn-ghost" data-testid="pinned-report-unpin" onClick={() => void unpin()}>{t('reports.unpin')}</button>
      </div>
    </section>
  );
}

/** The signed-in user's pinned reports on their dashboard, in the order they pinned them; nothing when there are none. */
export function PinnedReports({ app }: { app: AppDefinition }) {
  const { t } = useTranslation();
  const [pinned, setPinned] = useState<SavedReport[]>([]);
  const load = () => reportsApi.list().then(
    (all) => setPinned(all.filter((r) => r.pinned).sort((a, b) => String(a.pinnedAt ?? '').localeCompare(String(b.pinnedAt ?? '')))),
    // Without the list the dashboard still shows its own cards; pins are an addition to it.
    () => setPinned([]),
  );
  useEffect(() => void load(), []);
  if (pinned.length === 0) return null;
  return (
    <section data-testid="pinned-reports" aria-label={t('reports.pinnedTitle')}>
      <h3>{t('reports.pinnedTitle')}</h3>
      <div className="t-charts">
        {pinned.map((r) => <PinnedReportCard key={r.id} app={app} report={r} onUnpinned={() => void load()} />)}
      </div>
    </section>
  );
}
