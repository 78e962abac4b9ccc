import { entityToValidator, resolvePermissions, restrictEntity, type EntityValidator, type ResolvedPermissions } from '@tessera/engine';
import type { EntityDefinition } from '@tessera/metadata';
import type { AuthUser } from '../auth/auth-types';
import type { AppState } from '../meta/compile-app-state';
import { stateFieldReadOnly } from '../workflows/state-field-read-only';

/** A role set's view of the published app: resolved grants, and the entities minus what it may not see. */
export interface UserPermissions {
  resolved: ResolvedPermissions;
  /** Every entity as this role set knows it (hidden fields removed; all fields when it cannot read the entity). */
  entities: readonly EntityDefinition[];
  restricted(entityName: string): EntityDefinition;
  /** The validator of the restricted entity: a hidden field in a body is an unknown field, word for word. */
  validator(entityName: string): EntityValidator;
}

// Per published state (replaced whole on publish) and per role set: built once, then shared.
const cache = new WeakMap<AppState, Map<string, UserPermissions>>();

function build(state: AppState, roles: readonly string[]): UserPermissions {
  // The schema names the parent tables a `{ parent }` scope's subquery reads.
  const resolved = resolvePermissions(state.app, { roles }, { schema: state.schema });
  const byName = new Map<string, EntityDefinition>();
  for (const entity of state.app.entities) {
    const access = resolved.entity(entity['x-name']);
    // An entity the user cannot read has no fields for them: relation paths into it cannot filter (no oracle).
    const hidden = access.actions.has('read') ? access.hidden : new Set(Object.keys(entity.properties));
    byName.set(entity['x-name'], restrictEntity(entity, hidden));
  }
  const validators = new Map<string, EntityValidator>();
  return {
    resolved,
    entities: [...byName.values()],
    restricted: (name) => byName.get(name)!,
    validator(name) {
      let v = validators.get(name);
      // Issue 6: a workflow's state field is written by transitions only, and starts at the initial state.
      if (!v) validators.set(name, (v = stateFieldReadOnly(entityToValidator(byName.get(name)!, state.registry), byName.get(name)!, state.app.workflows)));
      return v;
    },
  };
}

export function userPermissions(state: AppState, user: Pick<AuthUser, 'roles'>): UserPermissions {
  let perRoles = cache.get(state);
  if (!perRoles) cache.set(state, (perRoles = new Map()));
  const key = [...user.roles].sort().join(',');
  let perms = perRoles.get(key);
  if (!perms) perRoles.set(key, (perms = build(state, user.roles)));
  return perms;
}
