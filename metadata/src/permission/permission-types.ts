import type { LocalizedText } from '../i18n-types';

/**
 * What a role may do to an entity's records. `transfer` changes the owner; `share` grants others
 * access; `claim` reads the entity's public pool (`x-pool`) and takes records from it.
 */
export const PERMISSION_ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'transition', 'approve', 'transfer', 'share', 'claim', 'import'] as const;
export type PermissionAction = (typeof PERMISSION_ACTIONS)[number];

/**
 * Which records a role sees: the owner's, the owner's teams', the owner's department and
 * everything below it, all of them, those an expression (jexl syntax, compiled to SQL) selects,
 * or — "controlled by parent" — those whose many-to-one field `parent` points at a record the
 * user may read on the parent entity (written: the parent's write scope).
 */
export type DataScope = 'own' | 'team' | 'department' | 'all' | { expression: string } | { parent: string };

/** `hidden` fields never leave the server; `read` ones cannot be written. */
export type FieldAccess = 'read' | 'write' | 'hidden';

export interface EntityPermission {
  actions: PermissionAction[];
  scope: DataScope;
  /** Fields not listed are writable (when the role may create or update) and readable. */
  fields?: Record<string, FieldAccess>;
}

export interface RolePermissions {
  label: LocalizedText;
  /** Keyed by entity `x-name`; an entity not listed is not accessible to the role at all. */
  entities: Record<string, EntityPermission>;
}

/**
 * The `permissions` section of an app (`permissions.json` beside app.json). The role `admin`
 * always has everything and need not be listed. An app without this section lets every
 * signed-in user do everything (how apps behaved before permissions existed).
 */
export interface PermissionsDefinition {
  roles: Record<string, RolePermissions>;
}

/** The role that bypasses permissions (user administration already keys on it). */
export const ADMIN_ROLE = 'admin';
