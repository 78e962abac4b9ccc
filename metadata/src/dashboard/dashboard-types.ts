import type { LocalizedText } from '../i18n-types';

export type ChartKind = 'bar' | 'line' | 'pie' | 'funnel' | 'number';

/**
 * `count`, or `sum:<field>` / `avg:<field>` of a numeric or currency field. A multi-currency
 * amount (`x-currency-field`) is only summed grouped by its code field (ADR 0013).
 */
export type CardMeasure = 'count' | `sum:${string}` | `avg:${string}`;

/** One chart: a measure of `entity`'s records through `GET /api/{plural}/aggregate`. */
export interface DashboardCard {
  /** Unique within the dashboard; names the chart in the page (`chart-{id}`). */
  id: string;
  title: LocalizedText;
  entity: string;
  chart: ChartKind;
  measure: CardMeasure;
  /** A field of the entity, or a date field with a bucket (`created_at:month`). Required by every chart but `number`, which takes none. */
  group?: string;
  /** The API's JSON filter, e.g. `{"stage": {"eq": "won"}}`. */
  filter?: Record<string, unknown>;
  /** Columns of the dashboard grid the card spans (1–3); 1 when absent. */
  width?: number;
}

/**
 * A card of one of the app's metrics (issue 21): its value as a figure, or per group as a bar
 * or line, through `GET /api/_metrics/{name}`. Kept apart from `cards`, whose every card is one
 * aggregate request over one entity.
 */
export interface DashboardMetricCard {
  /** Unique among the dashboard's metric cards; names the card in the page (`metric-{id}`). */
  id: string;
  metric: string;
  /** Shown instead of the metric's label. */
  title?: LocalizedText;
  chart: 'number' | 'bar' | 'line';
  /** For a bar or line: a field every measure of the metric has, or a date field with a bucket. */
  group?: string;
  width?: number;
}

/** A page of cards (issue 8); on disk `dashboards/*.dashboard.json`. An app with several shows them as tabs. */
export interface DashboardDefinition {
  name: string;
  label: LocalizedText;
  cards: DashboardCard[];
  /** Metric cards, shown before the chart cards. */
  metrics?: DashboardMetricCard[];
}
