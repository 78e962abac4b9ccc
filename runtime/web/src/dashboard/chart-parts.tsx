import { useEffect, useState } from 'react';
import { fitText } from './chart-labels';

export const LABEL_FONT = 12;
export const TICK_FONT = 11;

/**
 * The width of the element the returned ref is set on, kept current as it resizes (desktop,
 * phone, a turned phone). A callback ref: the chart's box appears only once its data is there.
 */
export function useWidth<T extends HTMLElement>(): [(el: T | null) => void, number] {
  const [el, setEl] = useState<T | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!el) return undefined;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return [setEl, width];
}

interface LabelProps { y?: number | string; height?: number | string; value?: unknown; index?: number }

/**
 * A funnel stage's label in the column kept free right of the funnel (`left`, `room` px): the
 * whole label when it fits, else shortened with the full text as its tooltip.
 */
export function funnelLabel(left: number, room: number) {
  return function FunnelStageLabel({ y, height, value }: LabelProps) {
    const full = String(value ?? '');
    const shown = fitText(full, room - 8, LABEL_FONT);
    return (
      <text x={left + 6} y={Number(y ?? 0) + Number(height ?? 0) / 2} dominantBaseline="middle" fontSize={LABEL_FONT} fill="#1f2430" data-testid="chart-label" data-full={full}>
        {shown}
        {shown !== full && <title>{full}</title>}
      </text>
    );
  };
}

interface TickProps { x?: number | string; y?: number | string; payload?: { value?: unknown } }

/**
 * An axis tick that fits its slot: straight when the slot is wide enough, slanted otherwise,
 * shortened with a tooltip when even that is too little.
 */
export function fittedTick(slot: number) {
  const slanted = slot < 56;
  const room = slanted ? 84 : slot - 6;
  return function FittedTick({ x, y, payload }: TickProps) {
    const full = String(payload?.value ?? '');
    const shown = fitText(full, room, TICK_FONT);
    return (
      <g transform={`translate(${Number(x ?? 0)},${Number(y ?? 0)})`}>
        <text dy={12} textAnchor={slanted ? 'end' : 'middle'} transform={slanted ? 'rotate(-35)' : undefined} fontSize={TICK_FONT} fill="#6b7280" data-testid="chart-label" data-full={full}>
          {shown}
          {shown !== full && <title>{full}</title>}
        </text>
      </g>
    );
  };
}

/** Axis height for ticks of `slot` px (slanted labels need more). */
export const tickHeight = (slot: number) => (slot < 56 ? 64 : 30);
