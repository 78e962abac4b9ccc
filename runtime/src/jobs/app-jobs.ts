import type { PluginDefinition } from '@tessera/engine';
import type { Knex } from 'knex';
import { readConfig } from '../config/read-config';
import type { AppState } from '../meta/compile-app-state';
import { DEFAULT_POOL_RETURN_CRON, poolReturnJob } from '../pool/pool-return-job';
import { recycleBinJob } from '../recycle-bin/recycle-bin-job';
import { remindersJob } from '../reminders/reminders-job';
import { cronProblem } from './cron-slots';
import { pluginJobs } from './plugin-jobs';
import type { RecurringJob } from './recurring-job-types';

/** China first: the default zone of every schedule and of dates without a time. */
export const DEFAULT_JOBS_TZ = 'Asia/Shanghai';

export interface JobSettings {
  /** Cron of the daily pool return (TESSERA_POOL_RETURN_CRON; default 02:00). */
  poolReturnCron?: string;
  /** Time zone schedules and date reminders are read in (TESSERA_JOBS_TZ; default Asia/Shanghai). */
  timeZone?: string;
  /** Days a deleted record stays in the recycle bin (TESSERA_RECYCLE_BIN_DAYS; default 30). */
  recycleBinDays?: number;
}

/** The settings, from the options else the environment; a bad cron or zone fails the boot, naming the variable. */
export function readJobSettings(given: JobSettings = {}, env: NodeJS.ProcessEnv = process.env): Required<JobSettings> {
  const vars = readConfig(env);
  const timeZone = given.timeZone ?? vars.TESSERA_JOBS_TZ;
  const poolReturnCron = given.poolReturnCron ?? vars.TESSERA_POOL_RETURN_CRON ?? DEFAULT_POOL_RETURN_CRON;
  const problem = cronProblem(poolReturnCron, timeZone);
  if (problem) throw new Error(`The pool return schedule (TESSERA_POOL_RETURN_CRON) ${problem}`);
  return { timeZone, poolReturnCron, recycleBinDays: given.recycleBinDays ?? vars.TESSERA_RECYCLE_BIN_DAYS };
}

export interface AppJobsDeps {
  knex: Knex;
  getState(): AppState;
  plugins: readonly PluginDefinition[];
  logger: Pick<Console, 'error' | 'info'>;
  settings: Required<JobSettings>;
  /** Called after reminders were written to the outbox, to deliver them now. */
  afterNotify(): void;
}

/** Every recurring job of the app as published now: built-ins only when they have work, plus plugin jobs. */
export function appJobs(deps: AppJobsDeps): RecurringJob[] {
  const { knex, getState, settings } = deps;
  return [
    ...poolReturnJob(knex, getState, settings.poolReturnCron, settings.timeZone),
    ...remindersJob(knex, getState, settings.timeZone, deps.afterNotify),
    ...recycleBinJob(knex, getState, settings.recycleBinDays, settings.timeZone),
    ...pluginJobs({ knex, getState, plugins: deps.plugins, logger: deps.logger, tz: settings.timeZone }),
  ];
}
