import type { AppDefinition, DataScope, EntityPermission, FieldAccess, PermissionAction, PermissionsDefinition } from '@tessera/metadata';
import { PERMISSION_ACTIONS } from '@tessera/metadata';

const NO_ACCESS: EntityPermission = { actions: [], scope: 'own' };

/** `app` with one role's permission on one entity rewritten; an entry left with no actions is dropped (no entry = no access). */
function withEntityPermission(app: AppDefinition, role: string, entity: string, change: (p: EntityPermission) => EntityPermission): AppDefinition {
  const permissions: PermissionsDefinition = app.permissions ?? { roles: {} };
  const current = permissions.roles[role];
  if (!current) return app;
  const next = change(current.entities[entity] ?? NO_ACCESS);
  const { [entity]: _old, ...others } = current.entities;
  const entities = next.actions.length ? { ...current.entities, [entity]: next } : others;
  return { ...app, permissions: { ...permissions, roles: { ...permissions.roles, [role]: { ...current, entities } } } };
}

/** Grants or revokes one action, keeping actions in their canonical order so diffs stay small. */
export function toggleAction(app: AppDefinition, role: string, entity: string, action: PermissionAction): AppDefinition {
  return withEntityPermission(app, role, entity, (p) => {
    const has = p.actions.includes(action);
    const actions = PERMISSION_ACTIONS.filter((a) => (a === action ? !has : p.actions.includes(a)));
    return { ...p, actions };
  });
}

export function setScope(app: AppDefinition, role: string, entity: string, scope: DataScope): AppDefinition {
  return withEntityPermission(app, role, entity, (p) => ({ ...p, scope }));
}

/** Sets one field's access; `default` removes the override (readable, and writable when the role may write). */
export function setFieldAccess(app: AppDefinition, role: string, entity: string, field: string, access: FieldAccess | 'default'): AppDefinition {
  return withEntityPermission(app, role, entity, (p) => {
    const { [field]: _old, ...rest } = p.fields ?? {};
    const fields = access === 'default' ? rest : { ...rest, [field]: access };
    const next: EntityPermission = { ...p, fields };
    if (!Object.keys(fields).length) delete next.fields;
    return next;
  });
}

/** Adds a role with no access yet (the matrix then grants it entity by entity). */
export function addRole(app: AppDefinition, role: string, label: { en: string; zh?: string }): AppDefinition {
  const permissions: PermissionsDefinition = app.permissions ?? { roles: {} };
  if (permissions.roles[role]) return app;
  return { ...app, permissions: { ...permissions, roles: { ...permissions.roles, [role]: { label, entities: {} } } } };
}

/** Grants every action (or, when all are granted already, revokes them all): "manager may do anything with bids" in one step. */
export function toggleAllActions(app: AppDefinition, role: string, entity: string): AppDefinition {
  return withEntityPermission(app, role, entity, (p) => ({ ...p, actions: PERMISSION_ACTIONS.every((a) => p.actions.includes(a)) ? [] : [...PERMISSION_ACTIONS] }));
}
