import type { Knex } from 'knex';
import { createSessionStore } from './create-session-store';
import { createTokenStore } from './create-token-store';
import { createPrincipalCache } from './principal-cache';
import { createUserStore } from './create-user-store';

/** The stores the auth middleware and routes share, and the cache of resolved callers; built once per runtime. */
export function createAuthDeps(knex: Knex) {
  return { knex, users: createUserStore(knex), sessions: createSessionStore(knex), tokens: createTokenStore(knex), principals: createPrincipalCache() };
}

export type AuthDeps = ReturnType<typeof createAuthDeps>;
