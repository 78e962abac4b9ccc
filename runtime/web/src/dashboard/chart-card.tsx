import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Funnel, FunnelChart, LabelList, Line, LineChart, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { recordsApi } from '../api/records-api';
import { localize, toLocale } from '../meta/localize';
import type { ChartSpec } from './dashboard-charts';

const COLORS = ['#4f46e5', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#14b8a6', '#64748b'];

interface Point { key: string; label: string; count: number }

/** One chart: the aggregate API's counts, labelled in the user's language. */
export function ChartCard({ spec }: { spec: ChartSpec }) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const intl = locale === 'zh' ? 'zh-CN' : 'en-US';
  const [points, setPoints] = useState<Point[]>();
  const [error, setError] = useState<string>();
  const field = spec.entity.properties[spec.group];
  const entityLabel = localize(spec.entity['x-label-plural'] ?? spec.entity['x-label'], locale);

  useEffect(() => {
    let live = true;
    recordsApi.aggregate(spec.entity['x-plural'], `group=${encodeURIComponent(spec.group)}&measures=count`).then(
      (rows) => live && setPoints(rows.map((r) => ({ key: String(r[spec.group] ?? ''), label: '', count: Number(r.count) }))),
      (e: Error) => live && setError(e.message),
    );
    return () => { live = false; };
  }, [spec]);

  // No animations: the numbers are the point, and screenshots/tests see the final chart.
  // Options keep their metadata order (a funnel's stages in lifecycle order), labelled now so a language switch relabels.
  const options = field?.['x-options'];
  const month = new Intl.DateTimeFormat(intl, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const data = options
    ? options.map((o) => ({ key: o.value, label: localize(o.label, locale), count: points?.find((p) => p.key === o.value)?.count ?? 0 }))
    : (points ?? []).map((p) => ({ ...p, label: p.key ? month.format(new Date(p.key)) : t('timeline.empty') }));
  const title = spec.kind === 'line'
    ? t('dashboard.perMonth', { entity: entityLabel })
    : t(spec.kind === 'funnel' ? 'dashboard.funnel' : 'dashboard.by', { entity: entityLabel, field: localize(field?.['x-label'], locale) });
  const count = (v: unknown) => new Intl.NumberFormat(intl).format(Number(v));

  return (
    <section className="t-card t-chart" data-testid={`chart-${spec.id}`}>
      <h3>{title}</h3>
      {error && <p className="t-danger">{error}</p>}
      {points && (
        <ResponsiveContainer width="100%" height={240}>
          {spec.kind === 'bar' ? (
            <BarChart data={data}><CartesianGrid strokeDasharray="3 3" /><XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} /><YAxis allowDecimals={false} /><Tooltip formatter={count} /><Bar dataKey="count" name={t('dashboard.count')} fill={COLORS[0]} isAnimationActive={false} /></BarChart>
          ) : spec.kind === 'pie' ? (
            <PieChart><Tooltip formatter={count} /><Pie data={data.filter((d) => d.count > 0)} dataKey="count" nameKey="label" outerRadius={80} label isAnimationActive={false}>{data.map((d, i) => <Cell key={d.key} fill={COLORS[i % COLORS.length]} />)}</Pie></PieChart>
          ) : spec.kind === 'line' ? (
            <LineChart data={data}><CartesianGrid strokeDasharray="3 3" /><XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} /><YAxis allowDecimals={false} /><Tooltip formatter={count} /><Line type="monotone" dataKey="count" name={t('dashboard.count')} stroke={COLORS[1]} isAnimationActive={false} /></LineChart>
          ) : (
            <FunnelChart><Tooltip formatter={count} /><Funnel data={data.map((d, i) => ({ ...d, fill: COLORS[i % COLORS.length] }))} dataKey="count" nameKey="label" isAnimationActive={false}><LabelList position="right" dataKey="label" fill="#1f2430" stroke="none" /></Funnel></FunnelChart>
          )}
        </ResponsiveContainer>
      )}
    </section>
  );
}
