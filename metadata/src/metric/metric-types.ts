import type { LocalizedText } from '../i18n-types';

export const METRIC_FORMATS = ['percent', 'number', 'currency', 'days'] as const;
/** How a metric's value reads: a ratio ×100, a plain number, an amount in its field's currency, a number of days. */
export type MetricFormat = (typeof METRIC_FORMATS)[number];

export const METRIC_RANGES = ['this-month', 'this-quarter', 'this-year', 'last-30-days'] as const;
export type MetricRange = (typeof METRIC_RANGES)[number];

/**
 * One aggregate measure over one entity's records: a metric's value, or one side of its ratio.
 * How a dashboard's time range picks the records is one of `date` (the default, on
 * `created_at`), `entered`, `heldAtStart` or `period`; a measure names at most one of them.
 */
export interface MetricMeasure {
  entity: string;
  /** `count`, `sum:<field>`, `avg:<field>`, `distinct:<field>` (the aggregate API's), or `avgDays` (from `from` to `to`). */
  measure: string;
  /** The API's JSON filter; `"$me"` is the viewer. */
  filter?: Record<string, unknown>;
  /** The date or datetime field the range applies to. */
  date?: string;
  /** Records that entered one of these states of the entity's workflow within the range. */
  entered?: string[];
  /** Records that were in one of these states when the range began (needs a range: the metric's `range` is the default). */
  heldAtStart?: string[];
  /** Number fields holding a year and, optionally, a month: records whose whole period lies inside the range. */
  period?: { year: string; month?: string };
  /** The user field the owner filter applies to; `owner` when absent. */
  owner?: string;
  /** `avgDays`: a date or datetime field, or `entered`. */
  from?: string;
  /** `avgDays`: a date or datetime field, or `entered` (when the record entered one of the `entered` states). */
  to?: string;
}

/**
 * A business measure declared over metadata (issue 21): a `value`, or `numerator` over
 * `denominator`. On disk `metrics/*.metric.json`; evaluated by `GET /api/_metrics/{name}` with
 * the viewer's scope and hidden fields, and shown by dashboards' metric cards.
 */
export interface MetricDefinition {
  name: string;
  label: LocalizedText;
  description?: LocalizedText;
  format: MetricFormat;
  /** The period used when the viewer chooses none. */
  range?: MetricRange;
  value?: MetricMeasure;
  numerator?: MetricMeasure;
  denominator?: MetricMeasure;
}

/** Which side of a metric a measure is. */
export type MetricSide = 'value' | 'numerator' | 'denominator';
