import type { AppDefinition, PermissionAction } from '@tessera/metadata';

/** What the signed-in user may do with one entity, as the app's permissions say (the server checks again). */
export interface ClientAccess {
  can: (action: PermissionAction) => boolean;
  /** Fields the user may change (not hidden, not read-only). */
  writable: (field: string) => boolean;
}

/**
 * The app's `permissions` merged over the user's roles, like the engine's resolvePermissions
 * but without scopes (the server filters records): the admin role, or an app without
 * permissions, may do everything; otherwise the union of the roles' actions, and a field is
 * writable if any granting role leaves it writable (fields not listed are).
 */
export function entityAccess(app: AppDefinition, roles: readonly string[], entity: string): ClientAccess {
  if (!app.permissions || roles.includes('admin')) return { can: () => true, writable: () => true };
  const grants = roles.flatMap((r) => {
    const role = Object.prototype.hasOwnProperty.call(app.permissions!.roles, r) ? app.permissions!.roles[r] : undefined;
    const grant = role && Object.prototype.hasOwnProperty.call(role.entities, entity) ? role.entities[entity] : undefined;
    return grant ? [grant] : [];
  });
  const actions = new Set(grants.flatMap((g) => g.actions));
  return {
    can: (action) => actions.has(action),
    writable: (field) => grants.some((g) => (g.fields?.[field] ?? 'write') === 'write'),
  };
}
