import type { Knex } from 'knex';
import type { RecurringJob } from '../jobs/recurring-job-types';
import type { AppState } from '../meta/compile-app-state';
import { reminderFields, sendReminders } from './send-reminders';

export const REMINDERS_JOB = 'reminders:send';
/** Every 15 minutes: a reminder is at most that late. */
export const REMINDERS_CRON = '*/15 * * * *';
/** After a long outage, reminders older than this are dropped rather than sent in a burst. */
const MAX_CATCH_UP_MS = 7 * 86_400_000;
const FIRST_WINDOW_MS = 15 * 60_000;

/**
 * Date-field reminders (`x-reminder`) as a recurring job, or nothing when no published field
 * has one. Each run covers the slots since the last successful run — (previousDue, due] — so a
 * restart (or a failed run) catches up, capped at a week.
 */
export function remindersJob(knex: Knex, getState: () => AppState, tz: string, afterSend: () => void): RecurringJob[] {
  if (reminderFields(getState()).length === 0) return [];
  return [
    {
      name: REMINDERS_JOB,
      cron: REMINDERS_CRON,
      tz,
      source: 'builtin',
      async run({ due, previousDue }) {
        const from = new Date(Math.max((previousDue ?? new Date(due.getTime() - FIRST_WINDOW_MS)).getTime(), due.getTime() - MAX_CATCH_UP_MS));
        const sent = await sendReminders(knex, getState(), { from, to: due, tz });
        if (sent > 0) afterSend();
        return { summary: `${sent} sent` };
      },
    },
  ];
}
