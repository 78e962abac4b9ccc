import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { fittedTick, LABEL_FONT, tickHeight, useWidth } from './chart-parts';
import type { DashboardCard, EntityDefinition } from '@tessera/metadata';
import { inboxApi } from '../api/inbox-api';
import { recordsApi } from '../api/records-api';
import { currencyCodeOf, formatAmount } from '../form/widgets/currency-code';
import { localize, toLocale } from '../meta/localize';
import { useEntityCapabilities } from '../permissions/capabilities-context';
import { openListWith } from '../reports/drill-down';
import { cardPoints, cardQuery, groupsByUser, measureField, type ChartPoint } from './card-data';
import { cardDrillConditions, cardFilterConditions } from './card-drill';
import { cardDateField, dashboardConditions } from './dashboard-conditions';
import type { DashboardFilter } from './dashboard-filter';
import { FunnelChartCard } from './funnel-chart';
import { funnelStages } from './funnel-stages';

const COLORS = ['#4f46e5', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#14b8a6', '#64748b'];

/** The aggregate rows of a card's query, the names of the users it groups by, and whether they are the current query's. */
function useCardRows(card: DashboardCard, entity: EntityDefinition, query: string) {
  const [result, setResult] = useState<{ query: string; rows: Record<string, unknown>[]; users: Map<string, string> }>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    setError(undefined);
    (async () => {
      const rows = await recordsApi.aggregate(entity['x-plural'], query);
      const ids = groupsByUser(card, entity) ? rows.map((r) => r[card.group!]).filter((v): v is string => typeof v === 'string') : [];
      const found = ids.length ? await inboxApi.usersByIds(ids) : [];
      if (live) setResult({ query, rows, users: new Map(found.map((u) => [u.id, u.displayName || u.username])) });
    })().catch((e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [card, entity, query]);
  // The previous numbers stay drawn while new ones load (no flicker), marked as not yet current.
  return { rows: result?.rows, users: result?.users, error, current: result?.query === query };
}

export interface MetricCardProps {
  card: DashboardCard;
  entity: EntityDefinition;
  userId?: string;
  /** What the bar above the dashboard is set to, and what it needs to apply it. */
  filter: DashboardFilter;
  team: readonly string[];
  timeZone: string;
  /** The title of a derived card (metadata's cards have their own). */
  heading?: string;
}

/**
 * One dashboard card from metadata: a measure of an entity through the aggregate API, within the
 * dashboard's time range and owner, drawn with recharts. A bar, a slice, a stage or the figure
 * opens the list of exactly the records behind it.
 */
export function MetricCard({ card, entity, userId, filter, team, timeZone, heading }: MetricCardProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const intl = locale === 'zh' ? 'zh-CN' : 'en-US';
  const hidden = useEntityCapabilities(entity['x-name'])?.hidden;
  const scope = JSON.stringify([filter, team, timeZone, hidden]);
  const { conditions, skipped } = useMemo(() => dashboardConditions(card, entity, filter, { userId, team, timeZone, hidden }), [card, entity, userId, scope]);
  const query = cardQuery(card, { userId, conditions: { entity, rows: conditions }, measures: card.chart === 'funnel' ? ['count'] : [] });
  const { rows, users, error, current } = useCardRows(card, entity, query);
  const base = useMemo(() => cardFilterConditions(entity, card.filter, userId), [card, entity, userId]);
  const drill = base ? (key?: string) => openListWith(userId, entity, cardDrillConditions(card, entity, key, base, conditions, timeZone)) : undefined;

  const field = measureField(card, entity);
  // Sums and averages of an amount read as money; a multi-currency amount is grouped by its code, so it shows as a number.
  const format = (v: unknown) => (field?.['x-type'] === 'currency' && !field['x-currency-field'] ? formatAmount(Number(v), currencyCodeOf(field), intl) : new Intl.NumberFormat(intl, { maximumFractionDigits: 2 }).format(Number(v)));
  const labels = { locale, empty: t('timeline.empty'), yesNo: [t('list.yes'), t('list.no')] as [string, string], users };
  const data: ChartPoint[] = rows ? cardPoints(card, entity, rows, labels) : [];
  const measureName = card.measure === 'count' ? t('dashboard.count') : localize(field?.['x-label'], locale);
  const style = card.width && card.width > 1 ? { gridColumn: `span ${card.width}` } : undefined;
  const [box, width] = useWidth<HTMLDivElement>();
  const shown = card.chart === 'pie' ? data.filter((d) => d.value > 0) : data;
  const slot = shown.length ? (width - 70) / shown.length : width;
  const legend = (label: unknown) => `${String(label)} (${format(shown.find((d) => d.label === label)?.value ?? 0)})`;
  const compact = (v: unknown) => new Intl.NumberFormat(intl, { notation: 'compact' }).format(Number(v));
  const title = heading ?? localize(card.title, locale);
  const dateField = cardDateField(card, entity);
  const dateLabel = entity.properties[dateField] ? localize(entity.properties[dateField]['x-label'], locale) : t(`system.${dateField}`);

  // No animations: the numbers are the point, and screenshots/tests see the final chart.
  return (
    <section className="t-card t-chart" style={style} data-testid={`chart-${card.id}`} data-chart={card.chart} data-state={error ? 'error' : current ? 'ready' : 'loading'} aria-busy={!current && !error} aria-label={title}>
      <h3>{title}</h3>
      {filter.range && !skipped.includes('range') && <p className="t-muted" data-testid={`card-range-${card.id}`}>{t('dashboard.rangeOn', { field: dateLabel })}</p>}
      {skipped.map((part) => <p key={part} className="t-muted" data-testid={`card-skipped-${card.id}`}>{t(part === 'range' ? 'dashboard.rangeSkipped' : 'dashboard.ownerSkipped')}</p>)}
      {error && <p className="t-danger">{error}</p>}
      {!rows && !error && <p className="t-muted">{t('app.loading')}</p>}
      {rows && card.chart === 'number' && (
        drill
          ? <button type="button" className="t-btn t-btn-ghost t-figure" data-testid={`figure-${card.id}`} title={t('dashboard.showRecords')} onClick={() => drill()}>{format(data[0]?.value ?? 0)}</button>
          : <p className="t-figure" data-testid={`figure-${card.id}`}>{format(data[0]?.value ?? 0)}</p>
      )}
      {rows && card.chart === 'funnel' && (
        <FunnelChartCard stages={funnelStages(data, cardPoints({ ...card, measure: 'count' }, entity, rows, labels))} format={format} countsOnly={card.measure === 'count'} onDrill={drill} />
      )}
      {rows && card.chart !== 'number' && card.chart !== 'funnel' && (
        <div ref={box} className="t-chart-box">
        <ResponsiveContainer width="100%" height={card.chart === 'pie' ? 280 : 240}>
          {card.chart === 'bar' ? (
            <BarChart data={data}><CartesianGrid strokeDasharray="3 3" /><XAxis dataKey="label" interval={0} tick={fittedTick(slot)} height={tickHeight(slot)} /><YAxis tickFormatter={compact} /><Tooltip formatter={format} />
              <Bar dataKey="value" name={measureName} fill={COLORS[0]} isAnimationActive={false} cursor={drill ? 'pointer' : undefined}
                onClick={drill ? (d: { payload?: { key: string } }) => d.payload && drill(d.payload.key) : undefined}>
                {/* Each drawn bar names its group and value, so it can be found, checked and clicked (a zero draws nothing). */}
                {data.map((d) => <Cell key={d.key} data-testid="card-bar" data-key={d.key} data-value={d.value} />)}
              </Bar></BarChart>
          ) : card.chart === 'pie' ? (
            <PieChart><Tooltip formatter={format} />
              <Pie data={shown} dataKey="value" nameKey="label" outerRadius={76} label isAnimationActive={false} cursor={drill ? 'pointer' : undefined}
                onClick={drill ? (_: unknown, index: number) => shown[index] && drill(shown[index].key) : undefined}>
                {shown.map((d, i) => <Cell key={d.key} fill={COLORS[i % COLORS.length]} data-testid="card-slice" data-key={d.key} data-value={d.value} />)}
              </Pie>
              <Legend verticalAlign="bottom" formatter={legend} wrapperStyle={{ fontSize: LABEL_FONT }} /></PieChart>
          ) : (
            <LineChart data={data}><CartesianGrid strokeDasharray="3 3" /><XAxis dataKey="label" tick={{ fontSize: 11 }} /><YAxis tickFormatter={compact} /><Tooltip formatter={format} /><Line type="monotone" dataKey="value" name={measureName} stroke={COLORS[1]} isAnimationActive={false} /></LineChart>
          )}
        </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
