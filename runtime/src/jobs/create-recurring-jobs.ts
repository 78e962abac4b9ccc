import type { Knex } from 'knex';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import { createJobQueue, type JobQueue } from './create-job-queue';
import { latestSlot, nextSlot } from './cron-slots';
import type { RecurringJob, RecurringJobStatus } from './recurring-job-types';
import { runRecurringJob, type RunOutcome } from './run-recurring-job';

/** pg-boss queue of a recurring job; its schedule has the same name. */
const QUEUE_PREFIX = 'tessera-cron-';
const queueOf = (name: string) => `${QUEUE_PREFIX}${name}`;

export interface RecurringJobsOptions {
  knex: Knex;
  databaseUrl?: string;
  logger: Pick<Console, 'error' | 'info'>;
  /** The clock runs are stamped and slotted with; tests inject one. */
  now?: () => Date;
  /** The jobs the app has right now; asked again on every `sync` (a publish may add or drop a pool or a reminder). */
  jobs(): RecurringJob[];
}

export interface RecurringJobs {
  /** `GET /api/_meta/jobs` (admin): every job, its schedule, last run and last error. */
  routes: RouteDeclaration[];
  /** Creates the bookkeeping table, registers the jobs, then catches up in the background. */
  start(): Promise<void>;
  /** Registers the current jobs with pg-boss (starting it the first time there is one) and drops those that went away. */
  sync(): Promise<void>;
  /** Runs, once, each job whose latest slot passed while no process ran it (e.g. the server was down at 02:00). */
  catchUp(): Promise<Record<string, RunOutcome>>;
  /** Runs one job for its latest slot, unless that slot already ran (what pg-boss's cron calls). */
  run(name: string): Promise<RunOutcome>;
  list(): Promise<RecurringJobStatus[]>;
  /** Resolves when no run started by this process is still going. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

/**
 * Recurring jobs on pg-boss's cron (`boss.schedule`, time zone aware). pg-boss gives the
 * fire-once-across-processes part: one process per 30 s evaluates the schedules and queues a
 * job only for a cron time less than 60 s ago, with a singleton key. That also means a time
 * missed while every process was down is never queued: `catchUp` adds that, comparing each
 * job's last covered slot with its schedule at start. pg-boss itself is started only when the
 * app has a recurring job (it takes seconds to install on a fresh PGlite).
 */
export function createRecurringJobs(opts: RecurringJobsOptions): RecurringJobs {
  const { knex, logger } = opts;
  const now = opts.now ?? (() => new Date());
  let active = new Map<string, RecurringJob>();
  let queue: Promise<JobQueue> | undefined;
  const working = new Set<string>();
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;

  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
    return p;
  };

  const run = (name: string): Promise<RunOutcome> => {
    const job = active.get(name);
    if (!job || stopped) return Promise.resolve('not-due');
    return track(runRecurringJob(knex, job, now(), logger));
  };

  async function sync(): Promise<void> {
    // After stop() a new queue would never be stopped (a publish or a report schedule can resync late).
    if (stopped) return;
    const jobs = opts.jobs();
    active = new Map(jobs.map((j) => [j.name, j]));
    const at = now();
    await knex.transaction(async (trx) => {
      for (const job of jobs) {
        await trx('tessera.recurring_jobs')
          .insert({ name: job.name, cron: job.cron, tz: job.tz, source: job.source, registered_at: at })
          .onConflict('name')
          .merge(['cron', 'tz', 'source']);
      }
      await trx('tessera.recurring_jobs').whereNotIn('name', jobs.map((j) => j.name)).delete();
    });
    if ((jobs.length === 0 && !queue) || stopped) return;
    queue ??= createJobQueue({ knex, databaseUrl: opts.databaseUrl, logger, schedule: true });
    const q = await queue;
    for (const job of jobs) {
      if (!working.has(job.name)) {
        // The worker ignores the job's data: the slot comes from the clock, so a late or doubled delivery is harmless.
        await q.work(queueOf(job.name), async () => void (await run(job.name)));
        working.add(job.name);
      }
      await q.boss.schedule(queueOf(job.name), job.cron, {}, { tz: job.tz });
    }
    for (const s of await q.boss.getSchedules()) {
      if (s.name.startsWith(QUEUE_PREFIX) && !active.has(s.name.slice(QUEUE_PREFIX.length))) await q.boss.unschedule(s.name);
    }
    logger.info(`recurring jobs: ${jobs.map((j) => `${j.name} (${j.cron} ${j.tz})`).join(', ') || 'none'}`);
  }

  async function catchUp(): Promise<Record<string, RunOutcome>> {
    const outcomes: Record<string, RunOutcome> = {};
    const rows: { name: string; last_due_at: unknown; registered_at: unknown }[] = await knex('tessera.recurring_jobs').select('name', 'last_due_at', 'registered_at');
    for (const row of rows) {
      const job = active.get(row.name);
      if (!job) continue;
      const covered = new Date((row.last_due_at ?? row.registered_at) as string);
      // Only a slot after the last covered one (or, never run, after registration) was missed.
      if (latestSlot(job.cron, job.tz, now()) > covered) outcomes[job.name] = await run(job.name);
    }
    return outcomes;
  }

  async function list(): Promise<RecurringJobStatus[]> {
    const rows: Record<string, unknown>[] = await knex('tessera.recurring_jobs').orderBy('name');
    return rows.map((r) => ({
      name: String(r.name),
      cron: String(r.cron),
      tz: String(r.tz),
      source: String(r.source),
      nextRunAt: nextSlot(String(r.cron), String(r.tz), now()).toISOString(),
      lastDueAt: iso(r.last_due_at),
      lastStartedAt: iso(r.last_started_at),
      lastFinishedAt: iso(r.last_finished_at),
      lastStatus: (r.last_status as string | null) ?? null,
      lastResult: (r.last_result as string | null) ?? null,
      lastError: (r.last_error as string | null) ?? null,
    }));
  }

  const routes = defineRoutes([
    {
      method: 'GET', path: '/api/_meta/jobs', action: 'admin', summary: 'Recurring jobs, their next and last runs',
      async handler(ctx) {
        ctx.body = { data: await list() };
      },
    },
  ]);

  return {
    routes,
    async start() {
      await sync();
      void track(catchUp()).catch((err: Error) => logger.error(`recurring jobs: catch-up failed: ${err.message}`));
    },
    sync,
    catchUp,
    run,
    list,
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async stop() {
      stopped = true;
      await Promise.allSettled([...inFlight]);
      if (queue) await (await queue.catch(() => undefined))?.stop();
    },
  };
}
