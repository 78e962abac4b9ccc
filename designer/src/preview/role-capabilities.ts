import { resolvePermissions, restrictEntity } from '@tessera/engine';
import { PERMISSION_ACTIONS, type AppDefinition, type EntityDefinition, type PermissionAction } from '@tessera/metadata';

export interface RoleEntityCapabilities {
  actions: PermissionAction[];
  scope: 'all' | 'some';
  hidden: string[];
  readOnly: string[];
}

export interface RoleView {
  /** Per entity, as `GET /api/_meta/capabilities` answers for a user with only this role. */
  entities: Record<string, RoleEntityCapabilities>;
  /** The menu: entities the role may read, in app order. */
  menu: string[];
  /** Dashboards with at least one card over an entity the role may read. */
  dashboards: string[];
  /** Per entity, the workflow events the role may send (`transition` granted and the event's roles). */
  events: Record<string, string[]>;
}

/**
 * The app as a user holding only `role` sees it, from the draft's permissions: the same
 * `resolvePermissions` the runtime's capabilities route and every query use, so the preview
 * cannot drift from what the published app will enforce. Pure: no user, no sign-in, no server.
 */
export function roleView(app: AppDefinition, role: string): RoleView {
  const resolved = resolvePermissions(app, { roles: [role] });
  const entities: Record<string, RoleEntityCapabilities> = {};
  for (const entity of app.entities) {
    const access = resolved.entity(entity['x-name']);
    entities[entity['x-name']] = {
      actions: PERMISSION_ACTIONS.filter((a) => access.actions.has(a)),
      scope: access.scope === 'all' ? 'all' : 'some',
      hidden: [...access.hidden],
      readOnly: [...access.readOnly],
    };
  }
  const reads = (name: string) => entities[name]?.actions.includes('read') ?? false;
  const events: Record<string, string[]> = {};
  for (const workflow of app.workflows ?? []) {
    if (!entities[workflow.entity]?.actions.includes('transition')) continue;
    const names = Object.values(workflow.machine.states).flatMap((s) => Object.entries(s.on ?? {}).filter(([, t]) => !t.meta?.roles || t.meta.roles.includes(role) || role === 'admin').map(([event]) => event));
    events[workflow.entity] = [...new Set([...(events[workflow.entity] ?? []), ...names])];
  }
  return {
    entities,
    menu: app.entities.filter((e) => reads(e['x-name'])).map((e) => e['x-name']),
    dashboards: (app.dashboards ?? []).filter((d) => d.cards.some((c) => reads(c.entity) && (!c.group || !entities[c.entity].hidden.includes(c.group.split(':')[0])))).map((d) => d.name),
    events,
  };
}

/** The entity's form as the role gets it: hidden fields gone (the runtime's restrictEntity). */
export function roleEntity(entity: EntityDefinition, view: RoleView): EntityDefinition {
  return restrictEntity(entity, new Set(view.entities[entity['x-name']]?.hidden ?? []));
}
