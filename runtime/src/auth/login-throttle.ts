import type { Knex } from 'knex';
import { sha256 } from './secret-token';

/** 5 failures for one (username, address) lock that pair for 15 minutes. */
export const MAX_FAILURES_PER_CLIENT = 5;
/** 20 consecutive failures from anywhere lock the account itself, against guessing from many addresses. */
export const MAX_FAILURES_PER_ACCOUNT = 20;
export const LOCK_MS = 15 * 60 * 1000;

/**
 * Failed-login bookkeeping in the database (not in memory), so every runtime process behind
 * a load balancer sees the same counts.
 */
export function createLoginThrottle(knex: Knex) {
  const throttle = () => knex.withSchema('tessera').table('login_throttle');
  const keyOf = (login: string, ip: string) => sha256(`${login}\n${ip}`);
  return {
    /** Seconds until the pair may try again, or 0. */
    async retryAfter(login: string, ip: string): Promise<number> {
      const row = (await throttle().where({ key: keyOf(login, ip) }).first()) as { locked_until: Date | string | null } | undefined;
      return secondsUntil(row?.locked_until ?? null);
    },
    async recordFailure(login: string, ip: string): Promise<void> {
      // One upsert: the count and the lock are decided in SQL, so concurrent failures cannot both read 4.
      await knex.raw(
        `insert into tessera.login_throttle as t (key, failures, locked_until, updated_at) values (?, 1, null, now())
         on conflict (key) do update set
           failures = case when t.locked_until is not null and t.locked_until <= now() then 1 else t.failures + 1 end,
           locked_until = case
             when (case when t.locked_until is not null and t.locked_until <= now() then 1 else t.failures + 1 end) >= ?
             then now() + (? * interval '1 millisecond') else null end,
           updated_at = now()`,
        [keyOf(login, ip), MAX_FAILURES_PER_CLIENT, LOCK_MS],
      );
    },
    async reset(login: string, ip: string): Promise<void> {
      await throttle().where({ key: keyOf(login, ip) }).delete();
    },
  };
}

export function secondsUntil(lockedUntil: Date | string | null): number {
  if (!lockedUntil) return 0;
  const ms = new Date(lockedUntil).getTime() - Date.now();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}
