import { ADMIN_ROLE, type AppDefinition, type EntityPermission, type FieldAccess, type PermissionAction, PERMISSION_ACTIONS } from '@tessera/metadata';
import { compileScopeExpression } from './compile-scope-expression';
import type { CompiledScope, EntityAccess, ResolvedPermissions } from './permission-types';

const ALL_ACTIONS: ReadonlySet<PermissionAction> = new Set(PERMISSION_ACTIONS);
const RANK: Record<FieldAccess, number> = { hidden: 0, read: 1, write: 2 };
const EMPTY: ReadonlySet<string> = new Set();

const fullAccess = (entity: string): EntityAccess => ({ entity, actions: ALL_ACTIONS, scope: 'all', hidden: EMPTY, readOnly: EMPTY });
const noAccess = (entity: string): EntityAccess => ({ entity, actions: new Set(), scope: [], hidden: EMPTY, readOnly: EMPTY });

/** Options for SQL: `schema` is where the app's entity tables live (a parent scope's subquery names one). */
export interface ResolvePermissionsOptions {
  schema?: string;
}

/** `{ parent: field }` → the parent entity through a many-to-one field, or `none` (publish refuses anything else). */
function compileParent(field: string, app: AppDefinition, entityName: string): CompiledScope {
  const entity = app.entities.find((e) => e['x-name'] === entityName);
  const relation = entity && Object.prototype.hasOwnProperty.call(entity.properties, field) ? entity.properties[field]['x-relation'] : undefined;
  const parent = relation?.kind === 'many-to-one' ? app.entities.find((e) => e['x-name'] === relation.entity) : undefined;
  return parent ? { kind: 'parent', field, entity: parent['x-name'], pooled: Boolean(parent['x-pool']) } : { kind: 'none' };
}

function compileScope(perm: EntityPermission, app: AppDefinition, entityName: string): CompiledScope | 'all' {
  const scope = perm.scope;
  if (scope === 'all') return 'all';
  if (typeof scope === 'string') return { kind: scope };
  if ('parent' in scope) return compileParent(scope.parent, app, entityName);
  const entity = app.entities.find((e) => e['x-name'] === entityName);
  const compiled = entity ? compileScopeExpression(scope.expression, entity) : undefined;
  // A scope that does not compile grants nothing: failing closed is the only safe reading.
  return compiled?.ok ? { kind: 'expression', condition: compiled.condition } : { kind: 'none' };
}

/** Every role's grant on one entity, merged: union of actions and scopes, the most open field access. */
function mergeGrants(app: AppDefinition, entityName: string, grants: EntityPermission[]): Omit<EntityAccess, 'table' | 'related'> {
  if (grants.length === 0) return noAccess(entityName);
  const actions = new Set<PermissionAction>(grants.flatMap((g) => g.actions));
  const scopes = grants.map((g) => compileScope(g, app, entityName));
  const entity = app.entities.find((e) => e['x-name'] === entityName);
  const hidden = new Set<string>();
  const readOnly = new Set<string>();
  for (const field of Object.keys(entity?.properties ?? {})) {
    // A field a grant does not list is writable: roles list what they restrict.
    const best = Math.max(...grants.map((g) => RANK[g.fields?.[field] ?? 'write']));
    if (best === RANK.hidden) hidden.add(field);
    else if (best === RANK.read) readOnly.add(field);
  }
  return {
    entity: entityName,
    actions,
    scope: scopes.includes('all') ? 'all' : (scopes as CompiledScope[]),
    hidden,
    readOnly,
  };
}

/**
 * What a user with `roles` may do in `app`, per entity. The admin role, and any user of an app
 * with no `permissions` section, may do everything; otherwise access is denied unless a role
 * grants it. Pure: the runtime caches the result per (app version, role set).
 */
export function resolvePermissions(app: AppDefinition, user: { roles: readonly string[] }, opts: ResolvePermissionsOptions = {}): ResolvedPermissions {
  if (!app.permissions || user.roles.includes(ADMIN_ROLE)) return { unrestricted: true, entity: fullAccess };
  const roles = user.roles.map((r) => (Object.prototype.hasOwnProperty.call(app.permissions!.roles, r) ? app.permissions!.roles[r] : undefined)).filter((r) => r !== undefined);
  const cache = new Map<string, EntityAccess>();
  const entity = (entityName: string): EntityAccess => {
    let access = cache.get(entityName);
    if (!access) {
      const grants = roles.map((r) => (Object.prototype.hasOwnProperty.call(r.entities, entityName) ? r.entities[entityName] : undefined)).filter((g) => g !== undefined);
      // `related` resolves lazily: a parent's access is built only when a parent scope's SQL asks.
      access = { ...mergeGrants(app, entityName, grants), ...(opts.schema ? { table: `${opts.schema}.${entityName}` } : {}), related: entity };
      cache.set(entityName, access);
    }
    return access;
  };
  return { unrestricted: false, entity };
}
