import type { Knex } from 'knex';
import type { AuditContext } from '../audit/set-audit-context';
import type { AuthUser } from '../auth/auth-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
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
  /**
   * Set for a write that is ONE statement outside any transaction (`trx` is then the pool):
   * the statement carries the audit context itself. Absent when the transaction already has it.
   */
  audit?: AuditContext;
  /** The published app: a soft delete follows the cascade to the other entities through it (recycle bin). */
  state?: AppState;
}

export type Row = Record<string, unknown>;
