import { randomUUID } from 'node:crypto';
import type { PluginStore } from '@tessera/engine';
import { signBody } from './sign-body';

export interface Delivery {
  id: string;
  url: string;
  event: string;
  entity: string;
  recordId: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DeliveryJob {
  url: string;
  secret: string;
  event: string;
  entity: string;
  recordId: string;
  payload: Record<string, unknown>;
  retry: { attempts: number; baseDelayMs: number };
}

/** The plugin's table (`ctx.store`): one row per delivery, its state, its next attempt and who holds it. */
export const DELIVERY_MIGRATIONS = [
  {
    name: '0.2.0-01-deliveries',
    up: ({ schema }: { schema: string }) => [
      `create table "${schema}".deliveries (
        id uuid primary key,
        url text not null,
        secret text not null,
        event text not null,
        entity text not null,
        record_id text not null,
        body text not null,
        status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
        attempts int not null default 0,
        max_attempts int not null,
        base_delay_ms int not null,
        next_attempt_at timestamptz not null default now(),
        claimed_until timestamptz,
        last_error text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`,
      `create index deliveries_due_idx on "${schema}".deliveries (next_attempt_at) where status = 'pending'`,
      `create index deliveries_created_idx on "${schema}".deliveries (created_at desc)`,
    ],
  },
];

/** How long a process holds a delivery it is sending; past it (a crash) another process takes it over. */
const LEASE_SECONDS = 30;
const POLL_MS = 1000;
const BATCH = 20;
const LOG_LIMIT = 500;

const toDelivery = (r: Record<string, unknown>): Delivery => ({
  id: String(r.id), url: String(r.url), event: String(r.event), entity: String(r.entity), recordId: String(r.record_id),
  status: r.status as Delivery['status'], attempts: Number(r.attempts), lastError: (r.last_error as string | null) ?? null,
  createdAt: new Date(r.created_at as string).toISOString(), updatedAt: new Date(r.updated_at as string).toISOString(),
});

/**
 * Webhook deliveries kept in PostgreSQL (the plugin's own table): a hook inserts the delivery,
 * then any process of the app sends it. Each process polls for due deliveries and claims a few
 * with `for update skip locked` and a lease, so two processes never send the same one at once
 * and a delivery whose sender died is taken over when its lease ends. A failure (network
 * error, timeout, non-2xx) is retried with exponential backoff (base, 2×base, 4×base…) up to the
 * configured attempts, then marked failed; an admin can replay it. Survives restarts; at least
 * once, so receivers dedupe on `X-Tessera-Delivery`.
 */
export function createDeliveryQueue(onFailure: (d: Delivery) => void = () => undefined) {
  let store: PluginStore | undefined;
  let poller: NodeJS.Timeout | undefined;
  const wakeups = new Set<NodeJS.Timeout>();
  let running: Promise<void> | undefined;
  let again = false;

  let stopped = false;

  async function send(s: PluginStore, row: Record<string, unknown>): Promise<void> {
    const attempts = Number(row.attempts) + 1;
    let error: string | null = null;
    try {
      const res = await fetch(String(row.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-tessera-signature': signBody(String(row.secret), String(row.body)),
          'x-tessera-delivery': String(row.id),
          'x-tessera-event': `${row.entity}.${row.event}`,
          'x-tessera-attempt': String(attempts),
        },
        body: String(row.body),
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) error = `answered ${res.status}`;
    } catch (err) {
      error = String((err as Error).message).slice(0, 500);
    }
    if (error === null) {
      await s.raw(`update "${s.schema}".deliveries set status = 'sent', attempts = ?, last_error = null, claimed_until = null, updated_at = now() where id = ?`, [attempts, row.id]);
      return;
    }
    if (attempts >= Number(row.max_attempts)) {
      const [failed] = (await s.raw(`update "${s.schema}".deliveries set status = 'failed', attempts = ?, last_error = ?, claimed_until = null, updated_at = now() where id = ? returning *`, [attempts, error, row.id])).rows;
      if (failed) onFailure(toDelivery(failed));
      return;
    }
    const delayMs = Number(row.base_delay_ms) * 2 ** (attempts - 1);
    await s.raw(`update "${s.schema}".deliveries set attempts = ?, last_error = ?, claimed_until = null, next_attempt_at = now() + (? * interval '1 millisecond'), updated_at = now() where id = ?`, [attempts, error, delayMs, row.id]);
    wakeAfter(delayMs);
  }

  /** Claims and sends what is due, until nothing is. */
  async function drain(): Promise<void> {
    const s = store;
    if (!s) return;
    for (;;) {
      const { rows } = await s.raw(`update "${s.schema}".deliveries set claimed_until = now() + interval '${LEASE_SECONDS} seconds'
        where id in (select id from "${s.schema}".deliveries where status = 'pending' and next_attempt_at <= now() and (claimed_until is null or claimed_until < now())
          order by next_attempt_at limit ${BATCH} for update skip locked)
        returning *`);
      if (rows.length === 0) return;
      await Promise.all(rows.map((row) => send(s, row)));
    }
  }

  /** One drain at a time per process; a kick during one runs another after it. */
  function kick(): void {
    if (!store || stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch(() => undefined) // the database was unreachable: the next poll tries again
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  function wakeAfter(ms: number): void {
    if (!store || stopped || ms >= POLL_MS) return; // the poll picks it up
    const timer = setTimeout(() => (wakeups.delete(timer), kick()), ms);
    timer.unref();
    wakeups.add(timer);
  }

  return {
    /** Starts this process's sender on the plugin's table (pending deliveries of earlier runs included). */
    start(s: PluginStore): void {
      store = s;
      stopped = false;
      poller = setInterval(kick, POLL_MS);
      poller.unref(); // a stopping process is never kept alive by the poll
      kick();
    },
    /** Records the delivery (durably) and sends it now. */
    async enqueue(s: PluginStore, job: DeliveryJob): Promise<string> {
      const id = randomUUID();
      const body = JSON.stringify({ id, ...job.payload });
      await s.raw(`insert into "${s.schema}".deliveries (id, url, secret, event, entity, record_id, body, max_attempts, base_delay_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, job.url, job.secret, job.event, job.entity, job.recordId, body, job.retry.attempts, job.retry.baseDelayMs]);
      kick();
      return id;
    },
    /** Newest first, the latest few hundred. */
    async list(s: PluginStore, status?: string): Promise<Delivery[]> {
      const { rows } = await s.raw(`select * from "${s.schema}".deliveries ${status ? 'where status = ?' : ''} order by created_at desc limit ${LOG_LIMIT}`, status ? [status] : []);
      return rows.map(toDelivery);
    },
    /** Sends a failed (or sent) delivery again, from a fresh set of attempts; undefined if there is none. */
    async replay(s: PluginStore, id: string): Promise<Delivery | undefined> {
      const { rows } = await s.raw(`update "${s.schema}".deliveries set status = 'pending', attempts = 0, next_attempt_at = now(), claimed_until = null, updated_at = now() where id = ? returning *`, [id]);
      if (rows.length > 0) kick();
      return rows[0] ? toDelivery(rows[0]) : undefined;
    },
    /** Stops sending; waits for the sends in flight to be recorded. */
    async stop(): Promise<void> {
      if (poller) clearInterval(poller);
      for (const t of wakeups) clearTimeout(t);
      wakeups.clear();
      stopped = true;
      await running;
      store = undefined;
    },
  };
}
