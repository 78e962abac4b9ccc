import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { HttpError } from '../errors/http-error';
import type { AppContext } from '../http/http-types';

/** What a write answers; stored as-is for replays. */
export interface WriteAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const KEY = /^[\x21-\x7e]{1,255}$/;
/** How long a stored answer is replayed (Stripe keeps keys 24 hours too). */
export const KEY_TTL_HOURS = 24;
const keys = (trx: Knex.Transaction) => trx.withSchema('tessera').table('idempotency_keys');

/**
 * Runs a write in one transaction and answers with it. With an `Idempotency-Key` header the
 * key row is inserted in that same transaction, first: a concurrent duplicate blocks on the
 * primary key until the first commits, then finds the stored answer and replays it
 * (`Idempotent-Replayed: true`); if the first failed, its key row rolled back with it and
 * the duplicate runs normally. A failed write therefore stores nothing and may be retried.
 * The same key with another request is a 422 `idempotency_key_reused`.
 */
export async function idempotentWrite(ctx: AppContext, knex: Knex, run: (trx: Knex.Transaction) => Promise<WriteAnswer>): Promise<void> {
  const key = ctx.get('Idempotency-Key');
  let answer: WriteAnswer & { replayed?: boolean };
  if (!key) {
    answer = await knex.transaction(run);
  } else {
    if (!KEY.test(key)) {
      throw new HttpError(400, 'bad_request', 'Idempotency-Key must be 1–255 visible ASCII characters', [{ field: 'Idempotency-Key', rule: 'format', message: 'must be 1–255 visible ASCII characters' }]);
    }
    const userId = ctx.state.user!.id;
    const requestHash = createHash('sha256').update(JSON.stringify([ctx.method, ctx.path, ctx.request.body ?? null])).digest('hex');
    answer = await knex.transaction(async (trx) => {
      const row = { key, user_id: userId, method: ctx.method, path: ctx.path, request_hash: requestHash };
      // A key older than KEY_TTL_HOURS is forgotten: the same key starts a new request (and overwrites it).
      const claimed = await keys(trx)
        .insert(row)
        .onConflict(['user_id', 'key'])
        .merge({ ...row, status: null, response: null, created_at: trx.fn.now() })
        .where('idempotency_keys.created_at', '<', trx.raw(`now() - interval '${KEY_TTL_HOURS} hours'`))
        .returning('key');
      if (claimed.length === 0) {
        const stored = await keys(trx).where({ user_id: userId, key }).first();
        if (!stored || stored.request_hash !== requestHash) {
          throw new HttpError(422, 'idempotency_key_reused', `Idempotency-Key "${key}" was already used for a different request`, [{ field: 'Idempotency-Key', rule: 'reused', message: 'was used for another request; use a new key per request' }]);
        }
        const body = typeof stored.response === 'string' ? JSON.parse(stored.response) : stored.response;
        return { status: stored.status, body, replayed: true };
      }
      const result = await run(trx);
      await keys(trx).where({ user_id: userId, key }).update({ status: result.status, response: JSON.stringify(result.body ?? null) });
      return result;
    });
    if (answer.replayed) ctx.set('Idempotent-Replayed', 'true');
  }
  for (const [name, value] of Object.entries(answer.headers ?? {})) ctx.set(name, value);
  ctx.status = answer.status;
  if (answer.body !== undefined && answer.body !== null) ctx.body = answer.body;
}
