import type { Knex } from 'knex';

const JOB = '@tessera/plugin-dedup:backfill-keys';

/**
 * A running app's dedup key table holds every customer (its back-fill job runs every 5 minutes);
 * rows a bench seeds by SQL are not in it until the next slot, and until then every create
 * probes names by `contains` instead. Runs that slot now: the job's last slot is handed back
 * and the job run, as its cron would.
 */
export async function fillDedupKeys(knex: Knex, jobs: { run(name: string): Promise<string> }): Promise<string> {
  await knex.withSchema('tessera').table('recurring_jobs').where({ name: JOB }).update({ last_due_at: null });
  return jobs.run(JOB);
}
