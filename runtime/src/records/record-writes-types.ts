import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import type { CompiledEntity } from '../meta/compile-app-state';
import type { RecordHooks } from '../plugins/record-hooks-types';

/**
 * What every write path receives: a transaction (a single write gets its own, a bulk request
 * shares one), the entity and the acting user. Audit and permission hooks join here.
 */
export interface WriteContext {
  trx: Knex.Transaction;
  entity: CompiledEntity;
  user: AuthUser;
  /** Plugin hooks of the request (issue 9); absent for writes plugins make themselves, so hooks never loop. */
  hooks?: RecordHooks;
}

export type Row = Record<string, unknown>;
