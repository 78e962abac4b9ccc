import { requestJson } from '../api/request-json';
import type { MetricFormat } from '@tessera/metadata';

/** One figure of a metric: the value (null: nothing to divide by), per group when grouped. */
export interface MetricRow {
  key?: string | null;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

/** `GET /api/_metrics/{name}`'s answer (runtime/src/metrics). */
export interface MetricResult {
  name: string;
  format: MetricFormat;
  currency?: string;
  group: string | null;
  range: { gte: string; lt: string } | null;
  rows: MetricRow[];
}

export const metricApi = {
  /** A metric for the signed-in user; `query` carries the dashboard's range and owner, and the card's group. */
  get: (name: string, query: string) => requestJson<{ data: MetricResult }>(`/api/_metrics/${encodeURIComponent(name)}${query ? `?${query}` : ''}`).then((r) => r.data),
};
