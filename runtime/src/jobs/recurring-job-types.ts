/** One run of a recurring job: the schedule slot it stands for and the one before it. */
export interface RecurringRun {
  /** The slot this run covers (the latest cron time at or before `now`). */
  due: Date;
  /** The slot of the last successful run; undefined on the very first run. Work "since last time" spans (previousDue, due]. */
  previousDue: Date | undefined;
  /** The clock the host was given (tests inject one). */
  now: Date;
}

/** What a run reports beyond success: shown as the job's last result. */
export type RunResult = void | { skipped?: string; summary?: string };

export interface RecurringJob {
  /** Unique: `pool:return-stale`, `reminders:send`, `<plugin>:<job>`. */
  name: string;
  /** Five-field cron, read in `tz`. */
  cron: string;
  tz: string;
  /** Who declared it: `builtin` or the plugin's name. */
  source: string;
  run(run: RecurringRun): Promise<RunResult>;
}

/** A job as `GET /api/_meta/jobs` shows it. */
export interface RecurringJobStatus {
  name: string;
  cron: string;
  tz: string;
  source: string;
  nextRunAt: string | null;
  lastDueAt: string | null;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  /** `running`, `ok`, `skipped`, `failed`, or null before the first run. */
  lastStatus: string | null;
  lastResult: string | null;
  lastError: string | null;
}
