import type { Knex } from 'knex';
import type { RecurringJob } from '../jobs/recurring-job-types';
import type { AppState } from '../meta/compile-app-state';
import { returnStaleToPool } from './return-stale-to-pool';

export const POOL_RETURN_JOB = 'pool:return-stale';
/** 02:00 every day (read in the jobs' time zone, Asia/Shanghai by default): after the working day, before the next. */
export const DEFAULT_POOL_RETURN_CRON = '0 2 * * *';

export const hasPool = (state: AppState) => [...state.byPlural.values()].some((e) => e.entity['x-pool'] !== undefined);

/**
 * The daily return of stale records to the public pool, or nothing when no published entity
 * has `x-pool`. Runs with the run's clock, so a catch-up after downtime returns what was
 * stale at start, once.
 */
export function poolReturnJob(knex: Knex, getState: () => AppState, cron: string, tz: string): RecurringJob[] {
  if (!hasPool(getState())) return [];
  return [
    {
      name: POOL_RETURN_JOB,
      cron,
      tz,
      source: 'builtin',
      async run({ now }) {
        const returned = await returnStaleToPool(knex, getState(), now);
        return { summary: returned.map((r) => `${r.entity}: ${r.returned}`).join(', ') || 'no pooled entity' };
      },
    },
  ];
}
