import { Bar, BarChart, CartesianGrid, Cell, Funnel, FunnelChart, LabelList, Legend, Line, LineChart, Pie, PieChart, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarProps } from 'recharts';
import { labelRoom } from '../dashboard/chart-labels';
import { fittedTick, funnelLabel, LABEL_FONT, tickHeight, useWidth } from '../dashboard/chart-parts';
import type { Pivot } from './pivot';
import type { ChartKind } from './reports-api';

const COLORS = ['#4f46e5', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#14b8a6', '#64748b'];

export interface ReportChartProps {
  pivot: Pivot;
  kind: ChartKind;
  /** Two groups: one bar segment per column key. */
  stacked: boolean;
  label: (group: 'row' | 'col', key: string) => string;
  format: (v: number) => string;
  measureName: string;
  /** A bar or slice was clicked: the records behind it. */
  onDrill: (rowKey: string, colKey?: string) => void;
}

/** A bar segment that names its cell (row and column keys), so it can be found and clicked like the table's. */
const barShape = (col: string): BarProps['shape'] => (props: { payload?: { key: string } }) => (
  <g data-testid="report-bar" data-row={props.payload?.key ?? ''} data-col={col}><Rectangle {...(props as object)} /></g>
);

/** The report drawn with the dashboard's chart parts (labels sized to fit); bars and slices drill down. */
export function ReportChart({ pivot, kind, stacked, label, format, measureName, onDrill }: ReportChartProps) {
  const [box, width] = useWidth<HTMLDivElement>();
  const data = pivot.rowKeys.map((r) => ({
    key: r,
    label: label('row', r),
    value: pivot.cells.get(r)?.get('') ?? 0,
    ...Object.fromEntries(pivot.colKeys.map((c) => [`c:${c}`, pivot.cells.get(r)?.get(c) ?? 0])),
  }));
  const slot = data.length ? (width - 70) / data.length : width;
  const compact = (v: unknown) => new Intl.NumberFormat(undefined, { notation: 'compact' }).format(Number(v));
  const tooltip = (v: unknown) => format(Number(v));
  if (kind === 'number') return <p className="t-figure" data-testid="report-figure">{format(pivot.total)}</p>;
  const shown = data.filter((d) => d.value > 0);
  const room = labelRoom(shown.map((d) => d.label), width, LABEL_FONT);
  const legend = (l: unknown) => `${String(l)} (${format(shown.find((d) => d.label === l)?.value ?? 0)})`;
  return (
    <div ref={box} className="t-chart-box" data-testid="report-chart" data-chart={stacked && kind === 'bar' ? 'stacked' : kind}>
      <ResponsiveContainer width="100%" height={300}>
        {kind === 'bar' ? (
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" interval={0} tick={fittedTick(slot)} height={tickHeight(slot)} />
            <YAxis tickFormatter={compact} />
            <Tooltip formatter={tooltip} />
            {stacked ? <Legend wrapperStyle={{ fontSize: LABEL_FONT }} /> : null}
            {stacked
              ? pivot.colKeys.map((c, i) => (
                  <Bar key={c} dataKey={`c:${c}`} stackId="s" name={label('col', c)} fill={COLORS[i % COLORS.length]} isAnimationActive={false} cursor="pointer"
                    shape={barShape(c)} onClick={(d: { payload?: { key: string } }) => d.payload && onDrill(d.payload.key, c)} />
                ))
              : <Bar dataKey="value" name={measureName} fill={COLORS[0]} isAnimationActive={false} cursor="pointer" shape={barShape('')} onClick={(d: { payload?: { key: string } }) => d.payload && onDrill(d.payload.key)} />}
          </BarChart>
        ) : kind === 'line' ? (
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" interval={0} tick={fittedTick(slot)} height={tickHeight(slot)} />
            <YAxis tickFormatter={compact} />
            <Tooltip formatter={tooltip} />
            {stacked
              ? pivot.colKeys.map((c, i) => <Line key={c} type="monotone" dataKey={`c:${c}`} name={label('col', c)} stroke={COLORS[i % COLORS.length]} isAnimationActive={false} />)
              : <Line type="monotone" dataKey="value" name={measureName} stroke={COLORS[1]} isAnimationActive={false} />}
          </LineChart>
        ) : kind === 'pie' ? (
          <PieChart>
            <Tooltip formatter={tooltip} />
            <Pie data={shown} dataKey="value" nameKey="label" outerRadius={90} isAnimationActive={false} cursor="pointer" onClick={(_, index) => shown[index] && onDrill(shown[index].key)}>
              {shown.map((d, i) => <Cell key={d.key} fill={COLORS[i % COLORS.length]} />)}
            </Pie>
            <Legend verticalAlign="bottom" formatter={legend} wrapperStyle={{ fontSize: LABEL_FONT }} />
          </PieChart>
        ) : (
          <FunnelChart margin={{ top: 5, right: room, bottom: 5, left: 5 }}>
            <Tooltip formatter={tooltip} />
            <Funnel data={shown.map((d, i) => ({ ...d, fill: COLORS[i % COLORS.length] }))} dataKey="value" nameKey="label" isAnimationActive={false}>
              <LabelList dataKey="label" content={funnelLabel(width - room, room)} />
            </Funnel>
          </FunnelChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
