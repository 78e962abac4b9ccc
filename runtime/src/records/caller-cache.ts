import type { AuthUser } from '../auth/auth-types';
import type { AppContext } from '../http/http-types';
import type { AppState } from '../meta/compile-app-state';

// Per published state and per resolved caller: the principal cache hands out one object per
// caller until it refreshes, so a changed department or role gets fresh entries, and a
// publish drops them all with its state.
const caches = new WeakMap<AppState, WeakMap<AuthUser, Map<string, unknown>>>();

/**
 * A small cache of what one caller's requests compile to (statements, parsed queries). Bounded:
 * past `limit` keys the oldest is dropped, so a client walking endless distinct queries costs
 * memory only up to that.
 */
export function callerCache<T>(state: AppState, user: AuthUser, limit = 128) {
  let perState = caches.get(state);
  if (!perState) caches.set(state, (perState = new WeakMap()));
  let entries = perState.get(user) as Map<string, T> | undefined;
  if (!entries) perState.set(user, (entries = new Map()));
  const map = entries;
  return {
    get: (key: string): T | undefined => map.get(key),
    set(key: string, value: T): T {
      map.set(key, value);
      if (map.size > limit) map.delete(map.keys().next().value as string);
      return value;
    },
  };
}

/**
 * What `build` makes of this request, kept for the caller under `kind` and the query string (a
 * list's or an aggregate's plan): the same query asked again is neither parsed nor compiled.
 * `once` (e.g. a cursor page, asked a single time) and very long query strings are built
 * every time rather than filling the cache.
 */
export function planFor<T>(ctx: AppContext, state: AppState, kind: string, build: () => T, once = false): T {
  if (once || ctx.querystring.length > 2048) return build();
  const cache = callerCache<T>(state, ctx.state.user!);
  const key = `${kind}\n${ctx.querystring}`;
  return cache.get(key) ?? cache.set(key, build());
}
