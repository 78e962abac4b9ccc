import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Funnel, FunnelChart, LabelList, Line, LineChart, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardCard, EntityDefinition } from '@tessera/metadata';
import { inboxApi } from '../api/inbox-api';
import { recordsApi } from '../api/records-api';
import { currencyCodeOf, formatAmount } from '../form/widgets/currency-code';
import { localize, toLocale } from '../meta/localize';
import { cardPoints, cardQuery, groupsByUser, measureField, type ChartPoint } from './card-data';

const COLORS = ['#4f46e5', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#14b8a6', '#64748b'];

/** The aggregate rows of a card, and the names of the users it groups by. */
function useCardRows(card: DashboardCard, entity: EntityDefinition, userId?: string) {
  const [rows, setRows] = useState<Record<string, unknown>[]>();
  const [users, setUsers] = useState<Map<string, string>>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    (async () => {
      const data = await recordsApi.aggregate(entity['x-plural'], cardQuery(card, userId));
      const ids = groupsByUser(card, entity) ? data.map((r) => r[card.group!]).filter((v): v is string => typeof v === 'string') : [];
      const found = ids.length ? await inboxApi.usersByIds(ids) : [];
      if (live) { setUsers(new Map(found.map((u) => [u.id, u.displayName || u.username]))); setRows(data); }
    })().catch((e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [card, entity, userId]);
  return { rows, users, error };
}

/** One dashboard card from metadata: a measure of an entity through the aggregate API, drawn with recharts. */
export function MetricCard({ card, entity, userId }: { card: DashboardCard; entity: EntityDefinition; userId?: string }) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const intl = locale === 'zh' ? 'zh-CN' : 'en-US';
  const { rows, users, error } = useCardRows(card, entity, userId);
  const field = measureField(card, entity);
  // Sums and averages of an amount read as money; a multi-currency amount is grouped by its code, so it shows as a number.
  const format = (v: unknown) => (field?.['x-type'] === 'currency' && !field['x-currency-field'] ? formatAmount(Number(v), currencyCodeOf(field), intl) : new Intl.NumberFormat(intl, { maximumFractionDigits: 2 }).format(Number(v)));
  const data: ChartPoint[] = rows ? cardPoints(card, entity, rows, { locale, empty: t('timeline.empty'), yesNo: [t('list.yes'), t('list.no')], users }) : [];
  const measureName = card.measure === 'count' ? t('dashboard.count') : localize(field?.['x-label'], locale);
  const style = card.width && card.width > 1 ? { gridColumn: `span ${card.width}` } : undefined;

  // No animations: the numbers are the point, and screenshots/tests see the final chart.
  return (
    <section className="t-card t-chart" style={style} data-testid={`chart-${card.id}`} data-chart={card.chart} aria-label={localize(card.title, locale)}>
      <h3>{localize(card.title, locale)}</h3>
      {error && <p className="t-danger">{error}</p>}
      {!rows && !error && <p className="t-muted">{t('app.loading')}</p>}
      {rows && card.chart === 'number' && <p className="t-figure" data-testid={`figure-${card.id}`}>{format(data[0]?.value ?? 0)}</p>}
      {rows && card.chart !== 'number' && (
        <ResponsiveContainer width="100%" height={240}>
          {card.chart === 'bar' ? (
            <BarChart data={data}><CartesianGrid strokeDasharray="3 3" /><XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} {...(data.length > 5 ? { angle: -30, textAnchor: 'end', height: 56 } : {})} /><YAxis tickFormatter={(v) => new Intl.NumberFormat(intl, { notation: 'compact' }).format(Number(v))} /><Tooltip formatter={format} /><Bar dataKey="value" name={measureName} fill={COLORS[0]} isAnimationActive={false} /></BarChart>
          ) : card.chart === 'pie' ? (
            <PieChart><Tooltip formatter={format} /><Pie data={data.filter((d) => d.value > 0)} dataKey="value" nameKey="label" outerRadius={80} label isAnimationActive={false}>{data.filter((d) => d.value > 0).map((d, i) => <Cell key={d.key} fill={COLORS[i % COLORS.length]} />)}</Pie></PieChart>
          ) : card.chart === 'line' ? (
            <LineChart data={data}><CartesianGrid strokeDasharray="3 3" /><XAxis dataKey="label" tick={{ fontSize: 11 }} /><YAxis tickFormatter={(v) => new Intl.NumberFormat(intl, { notation: 'compact' }).format(Number(v))} /><Tooltip formatter={format} /><Line type="monotone" dataKey="value" name={measureName} stroke={COLORS[1]} isAnimationActive={false} /></LineChart>
          ) : (
            <FunnelChart><Tooltip formatter={format} /><Funnel data={data.filter((d) => d.value > 0).map((d, i) => ({ ...d, fill: COLORS[i % COLORS.length] }))} dataKey="value" nameKey="label" isAnimationActive={false}><LabelList position="right" dataKey="label" fill="#1f2430" stroke="none" /></Funnel></FunnelChart>
          )}
        </ResponsiveContainer>
      )}
    </section>
  );
}
