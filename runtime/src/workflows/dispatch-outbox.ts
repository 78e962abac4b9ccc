import type { Knex } from 'knex';

const MAX_ATTEMPTS = 5;

interface OutboxRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Delivers outbox rows written by committed transitions: `notify` becomes in-app notifications
 * (same database, same transaction as marking the row sent, so exactly once); `webhook` is
 * POSTed (at least once: a crash between the POST and the commit sends it again). Rows are
 * claimed with SKIP LOCKED so several processes share the work. Other kinds wait for a plugin.
 */
export async function dispatchOutbox(knex: Knex, limit = 20): Promise<number> {
  let done = 0;
  await knex.transaction(async (trx) => {
    const rows = (await trx.raw(
      `select id, kind, payload, attempts from tessera.outbox
       where sent_at is null and attempts < ? and kind in ('notify', 'webhook')
       order by created_at limit ? for update skip locked`,
      [MAX_ATTEMPTS, limit],
    )).rows as OutboxRow[];
    for (const row of rows) {
      try {
        if (row.kind === 'notify') await notify(trx, row);
        else await postWebhook(row);
        await trx('tessera.outbox').where({ id: row.id }).update({ sent_at: trx.fn.now(), attempts: row.attempts + 1, last_error: null });
        done += 1;
      } catch (err) {
        await trx('tessera.outbox').where({ id: row.id }).update({ attempts: row.attempts + 1, last_error: String((err as Error).message).slice(0, 1000) });
      }
    }
  });
  return done;
}

async function notify(trx: Knex.Transaction, row: OutboxRow): Promise<void> {
  const p = row.payload as { to: string[]; subject: string | null; body: string; entity: string; recordId: string };
  if (p.to.length === 0) return;
  await trx('tessera.notifications')
    .insert(p.to.map((userId) => ({ user_id: userId, subject: p.subject, body: p.body, entity: p.entity, record_id: p.recordId, outbox_id: p.to.length === 1 ? row.id : null })))
    .onConflict('outbox_id').ignore();
}

async function postWebhook(row: OutboxRow): Promise<void> {
  const p = row.payload as { url: string; body: unknown };
  const res = await fetch(p.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p.body), signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`webhook ${p.url} answered ${res.status}`);
}
