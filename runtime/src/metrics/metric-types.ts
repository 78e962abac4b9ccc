import type { MetricFormat } from '@tessera/metadata';

/** `[gte, lt)` days (`YYYY-MM-DD`) on the workspace calendar. */
export interface DayRange {
  gte: string;
  lt: string;
}

/** What a viewer asks of a metric: a time range, whose records (user ids), a group. */
export interface MetricRequest {
  range?: DayRange;
  /** Owners to count; undefined: every record the viewer may read. */
  owners?: string[];
  group?: string;
}

/** One figure: the metric for a group (or for everything), with the two measures it divides. */
export interface MetricRow {
  /** The group's value (absent when the metric is not grouped); null for records without one. */
  key?: string | null;
  /** numerator / denominator (null when the denominator is 0), or the value itself. */
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

/** `GET /api/_metrics/{name}`'s answer. */
export interface MetricResult {
  name: string;
  format: MetricFormat;
  /** The amount's currency, for a currency metric. */
  currency?: string;
  group: string | null;
  /** The range applied: the viewer's, else the metric's default; null for all time. */
  range: DayRange | null;
  rows: MetricRow[];
}
