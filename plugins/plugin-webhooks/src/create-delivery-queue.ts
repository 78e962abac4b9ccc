import { randomUUID } from 'node:crypto';
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

/** How many deliveries the log keeps: it is for an admin to see what failed lately, not an archive. */
const LOG_SIZE = 500;

/**
 * Sends each job as a signed JSON POST, retrying a failure (network error, timeout, non-2xx)
 * with exponential backoff (base, 2×base, 4×base…) up to `attempts`, then marking it failed.
 * Process-local: jobs waiting for a retry are lost on restart — the runtime's durable outbox
 * is not open to plugins yet (see docs/plugins.md). At least once: receivers dedupe on
 * `X-Tessera-Delivery`.
 */
export function createDeliveryQueue(onFailure: (d: Delivery) => void = () => undefined) {
  const log: Delivery[] = [];
  const timers = new Set<NodeJS.Timeout>();

  async function attempt(delivery: Delivery, job: DeliveryJob, body: string): Promise<void> {
    delivery.attempts += 1;
    try {
      const res = await fetch(job.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-tessera-signature': signBody(job.secret, body),
          'x-tessera-delivery': delivery.id,
          'x-tessera-event': `${job.entity}.${job.event}`,
          'x-tessera-attempt': String(delivery.attempts),
        },
        body,
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) throw new Error(`answered ${res.status}`);
      Object.assign(delivery, { status: 'sent', lastError: null, updatedAt: new Date().toISOString() });
    } catch (err) {
      Object.assign(delivery, { lastError: String((err as Error).message).slice(0, 500), updatedAt: new Date().toISOString() });
      if (delivery.attempts >= job.retry.attempts) {
        delivery.status = 'failed';
        onFailure(delivery);
        return;
      }
      const timer = setTimeout(() => (timers.delete(timer), void attempt(delivery, job, body)), job.retry.baseDelayMs * 2 ** (delivery.attempts - 1));
      timer.unref(); // a pending retry must not keep a stopping process alive
      timers.add(timer);
    }
  }

  return {
    enqueue(job: DeliveryJob): Delivery {
      const now = new Date().toISOString();
      const delivery: Delivery = { id: randomUUID(), url: job.url, event: job.event, entity: job.entity, recordId: job.recordId, status: 'pending', attempts: 0, lastError: null, createdAt: now, updatedAt: now };
      log.unshift(delivery);
      log.length = Math.min(log.length, LOG_SIZE);
      void attempt(delivery, job, JSON.stringify({ id: delivery.id, ...job.payload }));
      return delivery;
    },
    /** Newest first. */
    list: (status?: string) => log.filter((d) => !status || d.status === status).map((d) => ({ ...d })),
    stop() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
