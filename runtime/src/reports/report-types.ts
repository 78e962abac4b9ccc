/** How a report is drawn; the builder proposes one from the data's shape, the owner may pick another. */
export const CHART_KINDS = ['bar', 'line', 'pie', 'funnel', 'number', 'table'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** A time range resolved when the report runs, on the workspace calendar (so "this month" stays this month). */
export const RANGE_PERIODS = ['this-month', 'this-quarter', 'this-year', 'last-30-days'] as const;
export type RangePeriod = (typeof RANGE_PERIODS)[number];

/** The question a report asks, in the aggregate API's own language (ADR 0021). */
export interface ReportDefinition {
  /** `owner`, `expected_close:month` — at most QUERY_LIMITS.maxGroups. */
  groups: string[];
  /** `count`, `sum:amount`, `distinct:customer`. */
  measures: string[];
  /** The list query's JSON filter. */
  filter?: Record<string, unknown>;
  range?: { field: string; period: RangePeriod };
  chart: ChartKind;
}

export interface ReportRow {
  id: string;
  user_id: string;
  name: string;
  label: string;
  entity: string;
  definition: ReportDefinition;
  shared_roles: string[];
  shared_users: string[];
  /** The schedule (ADR 0054): null cron means not scheduled. */
  schedule_cron: string | null;
  schedule_tz: string | null;
  schedule_roles: string[];
  schedule_users: string[];
  /** The next slot it is due at; the sweep sends it once and moves this forward. */
  schedule_next_at: unknown;
  /** The slot it was last sent for. */
  schedule_last_at: unknown;
  created_at: unknown;
  updated_at: unknown;
}

/** Who gets a scheduled report: everyone holding a role, and named users. */
export interface ReportRecipients {
  roles: string[];
  users: string[];
}

/** A report's schedule as the API shows and takes it. */
export interface ReportSchedule {
  /** Five-field cron, read in `timeZone`. */
  cron: string;
  /** IANA zone, e.g. `Asia/Shanghai`. */
  timeZone: string;
  recipients: ReportRecipients;
}
