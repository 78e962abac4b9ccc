import type { Knex } from 'knex';
import PgBoss from 'pg-boss';
import { knexBossDb } from './knex-boss-db';

/** How long a stop lets running jobs finish before pg-boss marks them failed (they are retried). */
const STOP_TIMEOUT_MS = 20_000;

export interface JobQueueOptions {
  knex: Knex;
  /** PostgreSQL URL: pg-boss gets its own pool. Absent: it shares knex's PGlite connection. */
  databaseUrl?: string;
  /** How often workers look for due jobs; pg-boss's minimum is 0.5 s. */
  pollingIntervalSeconds?: number;
  logger?: Pick<Console, 'error' | 'info'>;
  /** Run pg-boss's cron monitor (recurring jobs); off by default, it polls every 30 s. */
  schedule?: boolean;
}

export interface SendOptions {
  startAfterMs?: number;
  singletonKey?: string;
  trx?: Knex.Transaction;
  /** Failed runs retried this often (default 5); `retryDelay` seconds, doubled each time with `retryBackoff`. */
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
}

export interface JobQueue {
  boss: PgBoss;
  /** Enqueues inside `trx` when given, so the job exists only if the transaction commits. */
  send(queue: string, data: object, opts: SendOptions): Promise<string | null>;
  work(queue: string, handler: (data: Record<string, unknown>) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The runtime's durable queue: pg-boss 10 in schema `tessera_jobs`. Jobs are rows, so a timer
 * survives a restart (a job due while the server was down is fetched on the next poll) and
 * SKIP LOCKED hands each job to one process when several share the database.
 */
export async function createJobQueue(opts: JobQueueOptions): Promise<JobQueue> {
  const common = { schema: 'tessera_jobs', schedule: opts.schedule ?? false, migrate: true };
  const boss = opts.databaseUrl
    ? new PgBoss({ ...common, connectionString: opts.databaseUrl, max: 4 })
    : new PgBoss({ ...common, db: knexBossDb(opts.knex) });
  boss.on('error', (err: Error) => opts.logger?.error(`job queue: ${err.message}`));
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (created.has(name)) return;
    // Two processes starting together on a fresh database both see no queue and both create it;
    // pg-boss's create_queue can then deadlock or hit the unique key. Whoever loses finds the
    // queue made by the other on a second look.
    for (let attempt = 1; ; attempt++) {
      try {
        // `short`: at most one job per singletonKey waiting, so a re-armed timer is not doubled.
        if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: 'short' });
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
        if (await boss.getQueue(name).catch(() => null)) break;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
    created.add(name);
  };
  let stopping: Promise<void> | undefined;
  // Handlers still running: stop waits for them, so none outlives the connections it uses.
  const running = new Set<Promise<void>>();
  return {
    boss,
    async send(queue, data, { startAfterMs, singletonKey, trx, retryLimit = 5, retryDelay, retryBackoff }) {
      await ensureQueue(queue);
      return boss.send(queue, data, {
        ...(startAfterMs !== undefined ? { startAfter: startAfterMs / 1000 } : {}),
        ...(singletonKey ? { singletonKey } : {}),
        retryLimit,
        ...(retryDelay !== undefined ? { retryDelay } : {}),
        ...(retryBackoff !== undefined ? { retryBackoff } : {}),
        ...(trx ? { db: knexBossDb(trx) } : {}),
      });
    },
    async work(queue, handler) {
      await ensureQueue(queue);
      await boss.work(queue, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 0.5 }, async (jobs) => {
        const run = (async () => {
          for (const job of jobs) await handler(job.data as Record<string, unknown>);
        })();
        running.add(run);
        try {
          await run;
        } finally {
          running.delete(run);
        }
      });
    },
    stop() {
      // One stop, however many callers: a second caller must wait for it too, not return early.
      stopping ??= (async () => {
        // graceful: let a running job finish its transaction before knex is destroyed. pg-boss
        // stops waiting after its timeout; the handlers it gave up on are awaited here, so the
        // worker loops end now and not after the caller has closed everything.
        await boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
        let cap: NodeJS.Timeout | undefined;
        await Promise.race([Promise.allSettled([...running]), new Promise((r) => (cap = setTimeout(r, STOP_TIMEOUT_MS)))]);
        clearTimeout(cap);
      })();
      return stopping;
    },
  };
}
