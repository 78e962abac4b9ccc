import type { Knex } from 'knex';
import type { TokenScope } from './auth-types';
import type { UserRow } from './auth-types';
import { newApiToken, sha256 } from './secret-token';

/** How stale `last_used_at` may be: it tells which tokens are in use, not an access log. */
const LAST_USED_RESOLUTION_MS = 60_000;

interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scopes: TokenScope[];
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

export interface TokenView {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const toView = (row: TokenRow): TokenView => ({
  id: row.id,
  name: row.name,
  scopes: row.scopes,
  createdAt: iso(row.created_at)!,
  lastUsedAt: iso(row.last_used_at),
  revokedAt: iso(row.revoked_at),
});

/** API tokens for integrations: shown once at creation, stored as a SHA-256, revocable. */
export function createTokenStore(knex: Knex) {
  const tokens = () => knex.withSchema('tessera').table<TokenRow>('api_tokens');
  return {
    async create(userId: string, name: string, scopes: TokenScope[]): Promise<{ token: string; view: TokenView }> {
      const token = newApiToken();
      const [row] = await tokens().insert({ user_id: userId, name, scopes, token_hash: sha256(token) } as never).returning('*');
      return { token, view: toView(row as TokenRow) };
    },
    /**
     * The live token and its user in one query: this runs on every bearer request, so it must
     * cost one round trip. `last_used_at` is refreshed at most once a minute for the same reason.
     */
    async findLive(token: string): Promise<{ id: string; userId: string; scopes: TokenScope[]; user: UserRow } | undefined> {
      const row = (await knex
        .from('tessera.api_tokens as t')
        .join('tessera.users as u', 'u.id', 't.user_id')
        .where('t.token_hash', sha256(token))
        .whereNull('t.revoked_at')
        .first('u.*', { token_id: 't.id', token_scopes: 't.scopes', token_last_used_at: 't.last_used_at' })) as
        | (UserRow & { token_id: string; token_scopes: TokenScope[]; token_last_used_at: Date | string | null })
        | undefined;
      if (!row) return undefined;
      const { token_id, token_scopes, token_last_used_at, ...user } = row;
      const lastUsed = token_last_used_at === null ? 0 : new Date(token_last_used_at).getTime();
      if (Date.now() - lastUsed > LAST_USED_RESOLUTION_MS) {
        await tokens().where({ id: token_id }).update({ last_used_at: knex.fn.now() } as never);
      }
      return { id: token_id, userId: user.id, scopes: token_scopes, user: user as UserRow };
    },
    async listOf(userId: string): Promise<TokenView[]> {
      return ((await tokens().where({ user_id: userId }).orderBy('created_at', 'desc')) as TokenRow[]).map(toView);
    },
    /** True when the user had such a token (revoked now or before). */
    async revoke(userId: string, id: string): Promise<boolean> {
      const rows = await tokens().where({ id, user_id: userId }).update({ revoked_at: knex.raw('coalesce(revoked_at, now())') } as never).returning('id');
      return rows.length > 0;
    },
  };
}

export type TokenStore = ReturnType<typeof createTokenStore>;
