import type { DashboardMetricCard, MetricFormat } from '@tessera/metadata';
import { formatAmount } from '../form/widgets/currency-code';
import { dashboardFilterSearch, type DashboardFilter } from './dashboard-filter';

/** The metric request for a card: the dashboard bar's range and owner in its own words, and the card's group. */
export function metricQuery(card: Pick<DashboardMetricCard, 'group'>, filter: DashboardFilter): string {
  const params = new URLSearchParams(dashboardFilterSearch(filter));
  if (card.group) params.set('group', card.group);
  return params.toString();
}

export interface MetricTexts {
  /** `en-US` or `zh-CN`. */
  intl: string;
  /** "{{value}} days" in the user's language. */
  days: (value: string) => string;
  /** What stands for no value (nothing to divide by, no records). */
  none: string;
}

/** A metric's value as it reads: a ratio as a percentage, an amount in its currency, days, or a number. */
export function formatMetric(value: number | null | undefined, format: MetricFormat, currency: string | undefined, texts: MetricTexts): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return texts.none;
  if (format === 'percent') return new Intl.NumberFormat(texts.intl, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (format === 'currency') return formatAmount(value, currency, texts.intl);
  const number = new Intl.NumberFormat(texts.intl, { maximumFractionDigits: format === 'days' ? 1 : 2 }).format(value);
  return format === 'days' ? texts.days(number) : number;
}
