import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AppDefinition, DashboardCard, DashboardMetricCard, MetricDefinition } from '@tessera/metadata';
import { ApiError } from '../api/api-error';
import { inboxApi } from '../api/inbox-api';
import { localize, toLocale } from '../meta/localize';
import { cardPoints, groupsByUser, type ChartPoint } from './card-data';
import { fittedTick, tickHeight, useWidth } from './chart-parts';
import type { DashboardFilter } from './dashboard-filter';
import { metricApi, type MetricResult } from './metric-api';
import { formatMetric, metricQuery } from './metric-format';

export interface MetricValueCardProps {
  app: AppDefinition;
  card: DashboardMetricCard;
  /** The dashboard bar's range and owner: the server applies them to every measure of the metric. */
  filter: DashboardFilter;
}

/** The metric for the current query, and whose names its user groups carry; the previous numbers stay drawn while new ones load. */
function useMetric(metric: MetricDefinition, query: string, byUser: boolean) {
  const [result, setResult] = useState<{ query: string; data: MetricResult; users: Map<string, string> }>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    setError(undefined);
    (async () => {
      const data = await metricApi.get(metric.name, query);
      const ids = byUser ? data.rows.map((r) => r.key).filter((k): k is string => typeof k === 'string') : [];
      const found = ids.length ? await inboxApi.usersByIds(ids) : [];
      if (live) setResult({ query, data, users: new Map(found.map((u) => [u.id, u.displayName || u.username])) });
    })().catch((e: unknown) => live && setError(e));
    return () => { live = false; };
  }, [metric, query, byUser]);
  return { result, error, current: result?.query === query };
}

/**
 * A card of one of the app's metrics (issue 21): the figure, formatted as the metric says
 * (percent, currency, days), with what it divides; or a bar or line per group. The numbers are
 * the server's, computed with the viewer's scope within the dashboard's range and owner.
 */
export function MetricValueCard({ app, card, filter }: MetricValueCardProps) {
  const metric = app.metrics?.find((m) => m.name === card.metric);
  const main = metric?.value ?? metric?.numerator;
  const entity = app.entities.find((e) => e['x-name'] === main?.entity);
  // The metric's rows in a chart card's shape, so groups are labelled and ordered as every other card's.
  const shape: DashboardCard | undefined = entity && card.group ? { id: card.id, title: card.title ?? { en: '' }, entity: entity['x-name'], chart: card.chart === 'line' ? 'line' : 'bar', measure: 'count', group: card.group } : undefined;
  const query = useMemo(() => metricQuery(card, filter), [card, filter]);
  if (!metric || !entity) return null;
  return <MetricBody card={card} metric={metric} shape={shape} entity={entity} query={query} filter={filter} />;
}

interface BodyProps {
  card: DashboardMetricCard;
  metric: MetricDefinition;
  shape?: DashboardCard;
  entity: AppDefinition['entities'][number];
  query: string;
  filter: DashboardFilter;
}

function MetricBody({ card, metric, shape, entity, query, filter }: BodyProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const intl = locale === 'zh' ? 'zh-CN' : 'en-US';
  const { result, error, current } = useMetric(metric, query, Boolean(shape && groupsByUser(shape, entity)));
  const [box, width] = useWidth<HTMLDivElement>();
  const data = result?.data;
  const format = (v: unknown) => formatMetric(v === null || v === undefined ? null : Number(v), metric.format, data?.currency, { intl, days: (value) => t('dashboard.metric.days', { value }), none: t('dashboard.metric.none') });
  const points: ChartPoint[] = data && shape
    ? cardPoints(shape, entity, data.rows.map((r) => ({ [shape.group!]: r.key, count: r.value })), { locale, empty: t('timeline.empty'), yesNo: [t('list.yes'), t('list.no')], users: result?.users })
    : [];
  const row = data && !shape ? data.rows[0] : undefined;
  const title = localize(card.title ?? metric.label, locale);
  const style = card.width && card.width > 1 ? { gridColumn: `span ${card.width}` } : undefined;
  const slot = points.length ? (width - 70) / points.length : width;
  const ratio = row && metric.format === 'percent' && row.numerator !== undefined && row.denominator !== undefined;
  const plain = (v: number | null | undefined) => new Intl.NumberFormat(intl, { maximumFractionDigits: 2 }).format(Number(v ?? 0));
  const failure = error instanceof ApiError && error.code === 'metric_not_runnable' ? t('dashboard.metric.notRunnable') : error ? t('dashboard.metric.failed') : undefined;

  return (
    <section className="t-card t-chart" style={style} data-testid={`metric-${card.id}`} data-metric={metric.name} data-chart={card.chart} data-state={error ? 'error' : current ? 'ready' : 'loading'} aria-busy={!current && !error} aria-label={title}>
      <h3 title={metric.description ? localize(metric.description, locale) : undefined}>{title}</h3>
      {!filter.range && metric.range && <p className="t-muted" data-testid={`metric-range-${card.id}`}>{t('dashboard.metric.defaultRange', { range: t(`dashboard.ranges.${metric.range}`) })}</p>}
      {failure && <p className="t-danger">{failure}</p>}
      {!data && !error && <p className="t-muted">{t('app.loading')}</p>}
      {row && (
        <>
          <p className="t-figure" data-testid={`metric-figure-${card.id}`} data-value={row.value ?? ''}>{format(row.value)}</p>
          {ratio && <p className="t-muted" data-testid={`metric-ratio-${card.id}`}>{t('dashboard.metric.ratio', { numerator: plain(row.numerator), denominator: plain(row.denominator) })}</p>}
        </>
      )}
      {data && shape && (
        <div ref={box} className="t-chart-box">
          <ResponsiveContainer width="100%" height={240}>
            {card.chart === 'bar' ? (
              <BarChart data={points}><CartesianGrid strokeDasharray="3 3" /><XAxis dataKey="label" interval={0} tick={fittedTick(slot)} height={tickHeight(slot)} /><YAxis tickFormatter={format} width={70} /><Tooltip formatter={format} />
                <Bar dataKey="value" name={title} fill="#4f46e5" isAnimationActive={false}>
                  {points.map((p) => <Cell key={p.key} data-testid="metric-bar" data-key={p.key} data-value={p.value} />)}
                </Bar></BarChart>
            ) : (
              <LineChart data={points}><CartesianGrid strokeDasharray="3 3" /><XAxis dataKey="label" tick={{ fontSize: 11 }} /><YAxis tickFormatter={format} width={70} /><Tooltip formatter={format} /><Line type="monotone" dataKey="value" name={title} stroke="#0ea5e9" isAnimationActive={false} /></LineChart>
            )}
          </ResponsiveContainer>
          {/* The line's points, named for checking (recharts draws no element per point that carries them). */}
          {card.chart === 'line' && <ul hidden data-testid={`metric-points-${card.id}`}>{points.map((p) => <li key={p.key} data-key={p.key} data-value={p.value}>{p.label}</li>)}</ul>}
        </div>
      )}
    </section>
  );
}
