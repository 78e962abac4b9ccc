export { reportRoutes } from './report-routes';
export { runReport } from './run-report';
export { REPORTS_DDL } from './reports-ddl';
export type { ReportDefinition, ChartKind, RangePeriod } from './report-types';
