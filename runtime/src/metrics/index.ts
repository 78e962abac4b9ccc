export { metricRoutes } from './metric-routes';
export { runMetric } from './run-metric';
export { metricVisible } from './metric-visible';
export type { MetricResult, MetricRow, MetricRequest, DayRange } from './metric-types';
