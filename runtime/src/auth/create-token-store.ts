import type { Knex } from 'knex';
import type { TokenScope } from './auth-types';
import { newApiToken, sha256 } from './secret-token';

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
    async findLive(token: string): Promise<{ id: string; userId: string; scopes: TokenScope[] } | undefined> {
      const row = (await tokens().where({ token_hash: sha256(token) }).whereNull('revoked_at').first()) as TokenRow | undefined;
      if (!row) return undefined;
      // Shows which tokens are still in use before someone revokes one.
      await tokens().where({ id: row.id }).update({ last_used_at: knex.fn.now() } as never);
      return { id: row.id, userId: row.user_id, scopes: row.scopes };
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
