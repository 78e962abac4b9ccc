import type { Knex } from 'knex';
import { latestSlot } from './cron-slots';
import type { RecurringJob } from './recurring-job-types';

export type RunOutcome = 'ran' | 'skipped' | 'failed' | 'not-due';

const jobs = (db: Knex | Knex.Transaction) => db.withSchema('tessera').table('recurring_jobs');
const asDate = (v: unknown) => (v === null || v === undefined ? undefined : new Date(v as string));

/**
 * Runs `job` for its latest slot at `now`, unless a run already covered that slot: the claim
 * moves `last_due_at` forward under a row lock, so pg-boss's cron, the start-up catch-up and
 * other processes can all call this and the slot still runs once. A throwing job never escapes:
 * its error is logged and stored, and the claim is handed back so the next run covers the
 * failed window too (reminders depend on that).
 */
export async function runRecurringJob(knex: Knex, job: RecurringJob, now: Date, logger: Pick<Console, 'error'>): Promise<RunOutcome> {
  const due = latestSlot(job.cron, job.tz, now);
  const claim = await knex.transaction(async (trx) => {
    const row = await jobs(trx).where({ name: job.name }).forUpdate().first('last_due_at');
    if (!row) return undefined; // not registered here (a stale pg-boss schedule)
    const previousDue = asDate(row.last_due_at);
    if (previousDue && previousDue >= due) return undefined;
    await jobs(trx).where({ name: job.name }).update({ last_due_at: due, last_started_at: now, last_finished_at: null, last_status: 'running', last_result: null, last_error: null });
    return { previousDue };
  });
  if (!claim) return 'not-due';
  try {
    const result = await job.run({ due, previousDue: claim.previousDue, now });
    const skipped = result && result.skipped;
    await jobs(knex).where({ name: job.name }).update({ last_finished_at: new Date(), last_status: skipped ? 'skipped' : 'ok', last_result: (skipped || (result && result.summary)) ?? null });
    return skipped ? 'skipped' : 'ran';
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    logger.error(`Recurring job "${job.name}" failed: ${message}`, err);
    await jobs(knex)
      .where({ name: job.name })
      .update({ last_due_at: claim.previousDue ?? null, last_finished_at: new Date(), last_status: 'failed', last_error: message.slice(0, 2000) })
      .catch((e: Error) => logger.error(`Recurring job "${job.name}": could not record its failure: ${e.message}`));
    return 'failed';
  }
}
