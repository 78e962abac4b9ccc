import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import type { AppState } from '../meta/compile-app-state';
import { scopeRestriction, stripHidden } from './record-access';
import { userPermissions } from './user-permissions';

/** How `loadExpanded` keeps related records to the user's scope and readable fields. */
export interface ExpandGuard {
  /** ANDs the target entity's read scope onto the expand query (columns qualified by the table name). */
  restrict(qb: Knex.QueryBuilder, entityName: string): void;
  strip(entityName: string, record: Record<string, unknown>): Record<string, unknown>;
}

export function expandGuard(user: AuthUser, state: AppState): ExpandGuard {
  const perms = userPermissions(state, user);
  return {
    restrict: (qb, entityName) => scopeRestriction(perms.resolved.entity(entityName), user, entityName, 'read', Boolean(perms.restricted(entityName)['x-pool']))(qb),
    strip: (entityName, record) => stripHidden(record, perms.resolved.entity(entityName).hidden),
  };
}
