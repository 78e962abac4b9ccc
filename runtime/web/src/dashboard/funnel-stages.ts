import type { ChartPoint } from './card-data';

/** One stage of a funnel card: the records in it now, the card's measure over them, and the conversion into it. */
export interface FunnelStage {
  key: string;
  label: string;
  /** Records in this stage now (what its drill-down lists). */
  count: number;
  /** The card's measure over them (the amount of a `sum:amount` card; the count of a `count` card). */
  value: number;
  /**
   * Of the records that reached the previous stage, the share (0–1) that reached this one or a
   * later one; undefined for the first stage and after a stage nobody reached.
   */
  conversion?: number;
}

/**
 * Funnel stages from a card's points (its measure) and the counts of the same groups, in the
 * stages' declared order. A record in a stage has passed every stage before it, so the records
 * that "reached" a stage are those in it and in every stage after it, and each conversion is a
 * share of at most 100%. A stage is drawn when the card's measure has a value there (a funnel
 * has no zero-width trapezoids); the conversion of a drawn stage is from the drawn stage above
 * it. Records without a stage are no stage. Exits such as "lost" belong in the card's filter.
 */
export function funnelStages(values: readonly ChartPoint[], counts: readonly ChartPoint[]): FunnelStage[] {
  const countOf = new Map(counts.map((p) => [p.key, p.value]));
  const all = values.filter((p) => p.key !== '').map((p) => ({ key: p.key, label: p.label, count: countOf.get(p.key) ?? 0, value: p.value }));
  const reached = all.map((_, i) => all.slice(i).reduce((sum, s) => sum + s.count, 0));
  const out: FunnelStage[] = [];
  let above = -1;
  all.forEach((stage, i) => {
    if (!(stage.value > 0)) return;
    out.push(above >= 0 && reached[above] > 0 ? { ...stage, conversion: reached[i] / reached[above] } : stage);
    above = i;
  });
  return out;
}
