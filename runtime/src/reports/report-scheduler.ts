import type { Knex } from 'knex';
import type { RouteDeclaration } from '../http/route-types';
import type { RecurringJob } from '../jobs/recurring-job-types';
import type { AppState } from '../meta/compile-app-state';
import { scheduleRoutes } from './schedule-routes';
import { sendScheduledReports } from './send-scheduled-reports';

export const SCHEDULED_REPORTS_JOB = 'reports:send-scheduled';
/** Every minute: a report is sent within a minute (and pg-boss's 30 s cron check) of its slot. */
export const SCHEDULED_REPORTS_CRON = '* * * * *';
/** How often a process looks whether any report is scheduled (another process may have scheduled the first). */
const REFRESH_MS = 60_000;

export interface ReportSchedulerOptions {
  knex: Knex;
  getState(): AppState;
  /** The workspace's zone: the sweep's cron, and a schedule that names none. */
  timeZone: string;
  now?: () => Date;
  /** In-app, and email when a plugin provides it and it is set up (approvals/submitter-channels). */
  channels(db: Knex.Transaction): Promise<string[]>;
  /** Delivers what a sweep wrote to the outbox now. */
  afterSend(): void;
  /** Registers the recurring jobs again (the sweep appears with the first schedule, goes with the last). */
  resync(): Promise<void>;
  logger: Pick<Console, 'error' | 'info'>;
}

export interface ReportScheduler {
  /** `GET|PUT|DELETE /api/_reports/{id}/schedule`. */
  routes: RouteDeclaration[];
  /** The sweep, while any report is scheduled; none otherwise (so pg-boss starts only for apps that need it). */
  jobs(): RecurringJob[];
  /** Reads whether any report is scheduled, then keeps looking every minute. Before the recurring jobs start. */
  start(): Promise<void>;
  stop(): void;
}

/**
 * Scheduled reports (issue 21, ADR 0054) on the recurring jobs: one sweep every minute claims
 * the reports whose slot has come (send-scheduled-reports.ts), so exactly-once rests on a row
 * lock and a moved slot, not on one pg-boss schedule per report. The sweep is registered only
 * while some report is scheduled: known at start, after a schedule changes here, and within a
 * minute of one changing in another process.
 */
export function createReportScheduler(opts: ReportSchedulerOptions): ReportScheduler {
  const { knex, logger } = opts;
  const now = opts.now ?? (() => new Date());
  let scheduled = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  /** True when whether anything is scheduled changed. */
  const refresh = async (): Promise<boolean> => {
    const any = (await knex('tessera.saved_reports').whereNotNull('schedule_next_at').first('id')) !== undefined;
    const flipped = any !== scheduled;
    scheduled = any;
    return flipped;
  };
  const changed = async () => {
    if (!stopped && (await refresh())) await opts.resync();
  };

  const sweep: RecurringJob = {
    name: SCHEDULED_REPORTS_JOB,
    cron: SCHEDULED_REPORTS_CRON,
    tz: opts.timeZone,
    source: 'builtin',
    async run({ now: at }) {
      const sent = await sendScheduledReports({ knex, state: opts.getState(), channels: opts.channels, logger }, at);
      if (sent.messages > 0) opts.afterSend();
      return { summary: `${sent.reports} reports, ${sent.messages} messages${sent.failed ? `, ${sent.failed} failed` : ''}` };
    },
  };

  return {
    routes: scheduleRoutes({ knex, now, timeZone: opts.timeZone, changed }),
    jobs: () => (scheduled ? [sweep] : []),
    async start() {
      await refresh();
      timer ??= setInterval(() => void changed().catch((err: Error) => !stopped && logger.error(`scheduled reports: ${err.message}`)), REFRESH_MS);
      timer.unref();
    },
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },
  };
}
