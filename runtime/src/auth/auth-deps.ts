import type { Knex } from 'knex';
import { createSessionStore } from './create-session-store';
import { createTokenStore } from './create-token-store';
import { createUserStore } from './create-user-store';

/** The stores the auth middleware and routes share; built once per runtime. */
export function createAuthDeps(knex: Knex) {
  return { knex, users: createUserStore(knex), sessions: createSessionStore(knex), tokens: createTokenStore(knex) };
}

export type AuthDeps = ReturnType<typeof createAuthDeps>;
