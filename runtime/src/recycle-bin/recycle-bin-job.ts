import type { Knex } from 'knex';
import type { RecurringJob } from '../jobs/recurring-job-types';
import type { AppState } from '../meta/compile-app-state';
import { keepsDeleted } from './cascade-edges';
import { purgeExpired } from './purge-bin';

export const RECYCLE_BIN_JOB = 'recycle-bin:purge';
/** 03:30 every day, in the jobs' time zone: after the pool return, before anyone works. */
export const RECYCLE_BIN_CRON = '30 3 * * *';
export const DEFAULT_RECYCLE_BIN_DAYS = 30;

/** The nightly purge of deletions older than `days`, or nothing when no published entity keeps deleted records. */
export function recycleBinJob(knex: Knex, getState: () => AppState, days: number, tz: string): RecurringJob[] {
  if (![...getState().byPlural.values()].some(keepsDeleted)) return [];
  return [
    {
      name: RECYCLE_BIN_JOB,
      cron: RECYCLE_BIN_CRON,
      tz,
      source: 'builtin',
      async run({ now }) {
        const { purged, kept } = await purgeExpired(knex, getState(), days, now);
        return { summary: `${purged} purged${kept > 0 ? `, ${kept} kept (still referenced)` : ''}` };
      },
    },
  ];
}
