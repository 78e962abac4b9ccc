import type { EntityAccess } from '@tessera/engine';
import { scopeToSql } from '@tessera/engine/sql';
import type { EntityDefinition, PermissionAction } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { forbidden } from '../auth/authorize';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { userPermissions, type UserPermissions } from './user-permissions';

export type ScopeMode = 'read' | 'write';

/** What the record routes need to enforce one user's permissions on one entity. */
export interface RecordAccess {
  access: EntityAccess;
  permissions: UserPermissions;
  /** The entity and the app's entities as this user knows them: parse queries against these. */
  entity: EntityDefinition;
  entities: readonly EntityDefinition[];
  /** ANDs the data scope onto `qb` (`qualifier`: the alias or table name the columns hang from). */
  restrict(qb: Knex.QueryBuilder, qualifier: string, mode?: ScopeMode): void;
  /** The record without the fields this user may not read. */
  strip(record: Record<string, unknown>): Record<string, unknown>;
  /** Columns to SELECT (system + readable stored fields), or undefined when nothing is hidden. */
  columns: string[] | undefined;
}

const SYSTEM_COLUMNS = ['id', 'created_at', 'updated_at', 'created_by', 'owner', 'version'];

/**
 * The data scope of `access` for `user` as a knex where-callback (a no-op for scope `all`).
 * `pooled`: the entity has `x-pool`, so a user who may claim also reads the unowned records.
 */
export function scopeRestriction(access: EntityAccess, user: AuthUser, qualifier: string, mode: ScopeMode, pooled = false): (qb: Knex.QueryBuilder) => void {
  const pool = pooled && access.actions.has('claim');
  if (!access.actions.has('read')) return pool && mode === 'read' ? (qb) => void qb.whereNull(`${qualifier}.owner`) : (qb) => void qb.whereRaw('false');
  return scopeToSql(access, user, { qualifier, mode, pool }) ?? (() => undefined);
}

export function stripHidden(record: Record<string, unknown>, hidden: ReadonlySet<string>): Record<string, unknown> {
  if (hidden.size === 0) return record;
  return Object.fromEntries(Object.entries(record).filter(([name]) => !hidden.has(name)));
}

/**
 * The user's access to `compiled`, after checking `action` (403 `forbidden` when no role of
 * theirs grants it). Records outside the scope are simply not found by the scoped queries,
 * which is what makes a foreign id a 404 rather than a 403 (existence is not revealed).
 */
export function recordAccess(user: AuthUser, state: AppState, compiled: CompiledEntity, action: PermissionAction): RecordAccess {
  const permissions = userPermissions(state, user);
  const name = compiled.entity['x-name'];
  const access = permissions.resolved.entity(name);
  if (!access.actions.has(action)) throw forbidden(`You may not ${action} ${compiled.entity['x-plural']}`);
  const columns =
    access.hidden.size === 0
      ? undefined
      : [...SYSTEM_COLUMNS, ...(compiled.entity['x-soft-delete'] ? ['deleted_at'] : []), ...compiled.fields.filter((f) => !access.hidden.has(f.name) && isStored(state, compiled, f.name)).map((f) => f.column)];
  return {
    access,
    permissions,
    entity: permissions.restricted(name),
    entities: permissions.entities,
    restrict: (qb, qualifier, mode = 'read') => scopeRestriction(access, user, qualifier, mode, Boolean(compiled.entity['x-pool']))(qb),
    strip: (record) => stripHidden(record, access.hidden),
    columns,
  };
}

function isStored(state: AppState, compiled: CompiledEntity, field: string): boolean {
  const def = compiled.entity.properties[field];
  const type = state.registry.has(def['x-type']) ? state.registry.get(def['x-type']) : undefined;
  return !type?.stored || type.stored(def);
}
