import type { AuthMethod, AuthUser } from './auth-types';

/**
 * How long a resolved caller (token or session → user) is reused without asking the database.
 * This bounds how late a revocation made elsewhere (another process, a direct SQL update)
 * takes effect: a revoked token, an ended session or a deactivated user is refused at most
 * this long after the change. Changes made through this process's own auth and admin routes
 * clear the cache at once (see `authenticate`).
 */
export const PRINCIPAL_CACHE_TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

export interface Principal {
  user: AuthUser;
  auth: AuthMethod;
}

/**
 * Resolved callers by credential (token or session cookie), so a hot client costs no authentication round trip.
 * Entries expire after the TTL or at the session's own expiry, whichever is sooner.
 */
export function createPrincipalCache(ttlMs = PRINCIPAL_CACHE_TTL_MS) {
  const entries = new Map<string, { principal: Principal; expiresAt: number }>();
  return {
    get(key: string): Principal | undefined {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (hit.expiresAt <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return hit.principal;
    },
    set(key: string, principal: Principal, notAfter = Infinity): void {
      // A bounded map: under a flood of distinct credentials, start over rather than grow.
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { principal, expiresAt: Math.min(Date.now() + ttlMs, notAfter) });
    },
    clear(): void {
      entries.clear();
    },
  };
}

export type PrincipalCache = ReturnType<typeof createPrincipalCache>;
