import type { Knex } from 'knex';
import { secondsUntil } from '../auth/login-throttle';
import { sha256 } from '../auth/secret-token';

/** Failed verifications from one address before it is locked out of the route, and for how long. */
export const MAX_VERIFY_FAILURES = 10;
export const VERIFY_LOCK_MS = 15 * 60 * 1000;
export const DEFAULT_PUBLIC_RATE = 60;
const WINDOW_MS = 60 * 1000;

export const PUBLIC_ROUTE_THROTTLE_DDL: readonly string[] = [
  `create table if not exists tessera.plugin_route_throttle (
    key text primary key,
    window_start timestamptz not null,
    hits integer not null,
    failures integer not null default 0,
    locked_until timestamptz,
    updated_at timestamptz not null default now()
  )`,];

/**
 * Public plugin routes' rate limit, like the login throttle: counted in the database (every
 * process behind a load balancer sees the same counts) per (route, client address). A
 * fixed one-minute window caps requests; failed verifications lock the address for a while,
 * so a secret cannot be guessed at the rate limit either.
 */
export function createPublicRouteThrottle(knex: Knex) {
  const keyOf = (route: string, ip: string) => sha256(`${route}\n${ip}`);
  return {
    /** Counts one request; the seconds to wait when over the limit or locked, else 0. */
    async hit(route: string, ip: string, perMinute: number): Promise<number> {
      const { rows } = (await knex.raw(
        `insert into tessera.plugin_route_throttle as t (key, window_start, hits) values (?, now(), 1)
         on conflict (key) do update set
           hits = case when t.window_start <= now() - (? * interval '1 millisecond') then 1 else t.hits + 1 end,
           window_start = case when t.window_start <= now() - (? * interval '1 millisecond') then now() else t.window_start end,
           updated_at = now()
         returning hits, window_start, locked_until`,
        [keyOf(route, ip), WINDOW_MS, WINDOW_MS],
      )) as { rows: { hits: number; window_start: Date | string; locked_until: Date | string | null }[] };
      const row = rows[0];
      const locked = secondsUntil(row.locked_until);
      if (locked > 0) return locked;
      if (row.hits > perMinute) return Math.max(1, secondsUntil(new Date(new Date(row.window_start).getTime() + WINDOW_MS)));
      return 0;
    },
    async recordFailure(route: string, ip: string): Promise<void> {
      await knex.raw(
        `update tessera.plugin_route_throttle set
           failures = case when locked_until <= now() then 1 else failures + 1 end,
           locked_until = case when (case when locked_until <= now() then 1 else failures + 1 end) >= ?
             then now() + (? * interval '1 millisecond') else null end,
           updated_at = now()
         where key = ?`,
        [MAX_VERIFY_FAILURES, VERIFY_LOCK_MS, keyOf(route, ip)],
      );
    },
    async recordSuccess(route: string, ip: string): Promise<void> {
      await knex.raw('update tessera.plugin_route_throttle set failures = 0 where key = ? and failures > 0', [keyOf(route, ip)]);
    },
  };
}
