import type { Knex } from 'knex';
import type { UserRow } from './auth-types';
import { randomSecret, sha256 } from './secret-token';

/** Sessions last 7 days from sign-in; logout, a password change or an admin revokes them sooner. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface SessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Date | string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
}

/**
 * Server-side sessions. The cookie carries a random token; the table keeps only its SHA-256,
 * so a leaked database cannot be replayed as cookies.
 */
export function createSessionStore(knex: Knex) {
  const sessions = () => knex.withSchema('tessera').table<SessionRow>('sessions');
  return {
    async start(userId: string): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
      const token = randomSecret();
      const csrfToken = randomSecret();
      const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
      await sessions().insert({ id: sha256(token), user_id: userId, csrf_token: csrfToken, expires_at: expiresAt } as never);
      return { token, csrfToken, expiresAt };
    },
    /** The live session of a cookie token: not revoked, not expired. */
    async findLive(token: string): Promise<SessionRow | undefined> {
      return (await sessions()
        .where({ id: sha256(token) })
        .whereNull('revoked_at')
        .where('expires_at', '>', knex.fn.now())
        .first()) as SessionRow | undefined;
    },
    /** The live session of a cookie token and its user in one query (one round trip per request). */
    async findLiveWithUser(token: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
      const row = (await knex
        .from('tessera.sessions as s')
        .join('tessera.users as u', 'u.id', 's.user_id')
        .where('s.id', sha256(token))
        .whereNull('s.revoked_at')
        .where('s.expires_at', '>', knex.fn.now())
        .first('u.*', { session_id: 's.id', session_csrf_token: 's.csrf_token', session_created_at: 's.created_at', session_expires_at: 's.expires_at' })) as
        | (UserRow & { session_id: string; session_csrf_token: string; session_created_at: Date | string; session_expires_at: Date | string })
        | undefined;
      if (!row) return undefined;
      const { session_id, session_csrf_token, session_created_at, session_expires_at, ...user } = row;
      return {
        session: { id: session_id, user_id: user.id, csrf_token: session_csrf_token, created_at: session_created_at, expires_at: session_expires_at, revoked_at: null },
        user: user as UserRow,
      };
    },
    async revoke(sessionId: string): Promise<void> {
      await sessions().where({ id: sessionId }).whereNull('revoked_at').update({ revoked_at: knex.fn.now() } as never);
    },
    /** Every live session of the user except `keep` (the one changing its password stays signed in). */
    async revokeAllOf(userId: string, keep?: string): Promise<void> {
      const query = sessions().where({ user_id: userId }).whereNull('revoked_at');
      if (keep) query.whereNot({ id: keep });
      await query.update({ revoked_at: knex.fn.now() } as never);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
