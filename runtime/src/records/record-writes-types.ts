import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import type { CompiledEntity } from '../meta/compile-app-state';

/**
 * What every write path receives: a transaction (a single write gets its own, a bulk request
 * shares one), the entity and the acting user. Audit and permission hooks join here.
 */
export interface WriteContext {
  trx: Knex.Transaction;
  entity: CompiledEntity;
  user: AuthUser;
}

export type Row = Record<string, unknown>;
