import type { QueryTarget } from '@tessera/engine/sql';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { HttpError } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { scopeRestriction, type RecordAccess } from '../permissions/record-access';
import { userPermissions } from '../permissions/user-permissions';

/** Which rows a read sees: live ones (default), only soft-deleted ones, or both. */
export type DeletedMode = 'exclude' | 'only' | 'include';

export const isSoftDelete = (entity: CompiledEntity) => entity.entity['x-soft-delete'] === true;

/**
 * The WHERE every read and write of `entity` carries. Soft-deleted rows are invisible unless
 * asked for. One function, so the permission scope can later join it here for every query.
 */
export function recordScope(entity: CompiledEntity, mode: DeletedMode = 'exclude'): (qb: Knex.QueryBuilder, alias?: string) => void {
  return (qb, alias) => {
    if (!isSoftDelete(entity) || mode === 'include') return;
    const column = alias ? `${alias}.deleted_at` : 'deleted_at';
    if (mode === 'exclude') qb.whereNull(column);
    else qb.whereNotNull(column);
  };
}

/**
 * The reader's data scope on the entities a relation-path filter reaches
 * (`contacts.full_name`, `customer.industry`): applied inside each EXISTS, so a related
 * record the reader cannot see never decides whether a row matches (no oracle through a
 * filter). Soft-deleted related rows are excluded by the engine itself, from metadata.
 */
export function relatedScope(user: AuthUser, state: AppState): NonNullable<QueryTarget['restrictRelated']> {
  const perms = userPermissions(state, user);
  return (qb, entityName, alias) => scopeRestriction(perms.resolved.entity(entityName), user, alias, 'read', Boolean(perms.restricted(entityName)['x-pool']))(qb);
}

/**
 * Where a list, count or aggregate of `entity` reads for `user`: the soft-delete filter and
 * the caller's data scope (`ra`) on its rows, and the scope of related rows too.
 */
export function scopedTarget(entity: CompiledEntity, user: AuthUser, state: AppState, ra: Pick<RecordAccess, 'restrict'>, mode: DeletedMode = 'exclude'): QueryTarget {
  return {
    schema: entity.schema,
    table: entity.table,
    restrict: (qb, alias) => (recordScope(entity, mode)(qb, alias), ra.restrict(qb, alias)),
    restrictRelated: relatedScope(user, state),
  };
}

/**
 * `?deleted=only|include` (admins only, on soft-delete entities), removed from the query so
 * the list parser, which refuses unknown parameters, never sees it.
 */
export function takeDeletedParam(ctx: AppContext, entity: CompiledEntity): { mode: DeletedMode; query: Record<string, string | string[] | undefined> } {
  const { deleted, ...query } = ctx.query;
  if (deleted === undefined) return { mode: 'exclude', query };
  const problem = (message: string) => new HttpError(400, 'invalid_query', `Invalid query: "deleted" ${message}`, [{ parameter: 'deleted', message }]);
  if (deleted !== 'only' && deleted !== 'include' && deleted !== 'exclude') throw problem('must be one of only, include, exclude');
  if (!isSoftDelete(entity)) throw problem(`${entity.entity['x-plural']} are not soft-deleted`);
  if (deleted !== 'exclude' && !ctx.state.user?.roles.includes('admin')) {
    throw new HttpError(403, 'forbidden', 'Only admins may list deleted records');
  }
  return { mode: deleted, query };
}
