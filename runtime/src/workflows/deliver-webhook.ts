import { createHmac } from 'node:crypto';
import type { Knex } from 'knex';

export const WEBHOOK_QUEUE = 'tessera-webhook';
export const DEFAULT_RETRY_LIMIT = 5;
export const DEFAULT_RETRY_DELAY_S = 2;

export interface WebhookDelivery {
  secret: string | null;
  retryLimit: number | null;
  retryDelay: number | null;
}

interface WebhookRow {
  id: string;
  payload: { url: string; body: unknown; delivery?: WebhookDelivery };
  attempts: number;
  sent_at: Date | null;
  dead_at: Date | null;
}

/** `sha256=<hex>` of the exact bytes sent, so a receiver can check them with the shared secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * One attempt to deliver a webhook outbox row (a pg-boss job). Success marks the row sent; a
 * failure counts the attempt and throws so pg-boss retries with backoff — except the last one,
 * which marks the row dead (a dead letter an admin sees at /api/_meta/outbox?status=dead).
 * Delivery is at least once: the receiver dedupes on `X-Tessera-Delivery`.
 */
export async function deliverWebhook(knex: Knex, outboxId: string, fallbackSecret?: string): Promise<void> {
  const row = (await knex('tessera.outbox').where({ id: outboxId, kind: 'webhook' }).first('id', 'payload', 'attempts', 'sent_at', 'dead_at')) as WebhookRow | undefined;
  if (!row || row.sent_at || row.dead_at) return; // already done (a retried job after a crash)
  const { url, body, delivery } = row.payload;
  const text = JSON.stringify(body);
  const secret = delivery?.secret ?? fallbackSecret;
  const attempts = row.attempts + 1;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tessera-delivery': row.id, 'x-tessera-attempt': String(attempts), ...(secret ? { 'x-tessera-signature': signBody(secret, text) } : {}) },
      body: text,
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`webhook ${url} answered ${res.status}`);
  } catch (err) {
    const limit = delivery?.retryLimit ?? DEFAULT_RETRY_LIMIT;
    const dead = attempts > limit;
    await knex('tessera.outbox').where({ id: row.id }).update({ attempts, last_error: String((err as Error).message).slice(0, 1000), ...(dead ? { dead_at: knex.fn.now() } : {}) });
    if (dead) return; // nothing left for pg-boss to retry
    throw err;
  }
  await knex('tessera.outbox').where({ id: row.id }).update({ sent_at: knex.fn.now(), attempts, last_error: null });
}
