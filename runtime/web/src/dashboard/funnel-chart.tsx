import { useTranslation } from 'react-i18next';
import { Funnel, FunnelChart, LabelList, ResponsiveContainer, Tooltip } from 'recharts';
import { fitText, labelRoom } from './chart-labels';
import { LABEL_FONT, useWidth } from './chart-parts';
import type { FunnelStage } from './funnel-stages';

const COLORS = ['#4f46e5', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#14b8a6', '#64748b'];
const LINE = LABEL_FONT + 3;
/** Three lines of label per stage, and a little air between stages. */
const STAGE_HEIGHT = LINE * 3 + 8;

export interface FunnelChartCardProps {
  stages: readonly FunnelStage[];
  /** The card's measure as it reads (money for an amount). */
  format: (v: unknown) => string;
  /** Whether the card's measure is the count itself (then the count is not shown twice). */
  countsOnly: boolean;
  /** A stage was clicked: its records. Absent when the card cannot drill down. */
  onDrill?: (key: string) => void;
}

interface LabelProps { y?: number | string; height?: number | string; index?: number }

/**
 * A funnel card: one trapezoid per stage with a value, and beside each, in a column sized to
 * its longest line, the stage's name, its count (and amount) and the conversion from the stage
 * above — each line whole where there is room, shortened with a tooltip where there is not.
 */
export function FunnelChartCard({ stages, format, countsOnly, onDrill }: FunnelChartCardProps) {
  const { t, i18n } = useTranslation();
  const intl = i18n.language.startsWith('zh') ? 'zh-CN' : 'en-US';
  const [box, width] = useWidth<HTMLDivElement>();
  const count = (n: number) => new Intl.NumberFormat(intl).format(n);
  const percent = (share: number) => new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 1 }).format(share);
  const lines = stages.map((s) => [
    s.label,
    countsOnly ? count(s.count) : t('dashboard.stageFigures', { count: count(s.count), amount: format(s.value) }),
    s.conversion === undefined ? '' : t('dashboard.conversion', { percent: percent(s.conversion) }),
  ]);
  const room = labelRoom(lines.flat(), width, LABEL_FONT, 0.55);
  const left = width - room;

  function StageLabel({ y, height, index = 0 }: LabelProps) {
    const middle = Number(y ?? 0) + Number(height ?? 0) / 2;
    const stage = stages[index];
    const previous = index > 0 ? stages[index - 1] : undefined;
    const explain = stage && previous && stage.conversion !== undefined
      ? t('dashboard.conversionHint', { previous: previous.label, stage: stage.label, percent: percent(stage.conversion) })
      : undefined;
    return (
      <g data-testid="funnel-stage-label" data-key={stage?.key} data-count={stage?.count} data-conversion={stage?.conversion ?? ''}>
        {explain && <title>{explain}</title>}
        {(lines[index] ?? []).map((full, i) => {
          if (!full) return null;
          const shown = fitText(full, room - 8, LABEL_FONT);
          return (
            <text key={i} x={left + 6} y={middle + (i - 1) * LINE} dominantBaseline="middle" fontSize={LABEL_FONT} fontWeight={i === 0 ? 600 : undefined}
              fill={i === 0 ? '#1f2430' : '#4b5563'} data-testid="chart-label" data-line={['stage', 'figures', 'conversion'][i]} data-full={full}>
              {shown}
              {shown !== full && <title>{full}</title>}
            </text>
          );
        })}
      </g>
    );
  }

  return (
    <div ref={box} className="t-chart-box">
      <ResponsiveContainer width="100%" height={Math.max(240, stages.length * STAGE_HEIGHT + 10)}>
        <FunnelChart margin={{ top: 5, right: room, bottom: 5, left: 5 }}>
          <Tooltip formatter={format} />
          <Funnel data={stages.map((s, i) => ({ ...s, fill: COLORS[i % COLORS.length] }))} dataKey="value" nameKey="label" isAnimationActive={false}
            cursor={onDrill ? 'pointer' : undefined} onClick={onDrill ? (_: unknown, index: number) => stages[index] && onDrill(stages[index].key) : undefined}>
            <LabelList dataKey="label" content={StageLabel} />
          </Funnel>
        </FunnelChart>
      </ResponsiveContainer>
    </div>
  );
}
