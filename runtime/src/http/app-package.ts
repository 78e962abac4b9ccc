import type { AppDefinition, PermissionsDefinition } from '@tessera/metadata';
import { HttpError } from '../errors/http-error';

/** A module as one JSON file: some entities and everything in the app bound to them. */
export interface AppPackage {
  format: 'tessera-package';
  version: 1;
  entities: AppDefinition['entities'];
  layouts: AppDefinition['layouts'];
  workflows: NonNullable<AppDefinition['workflows']>;
  permissions?: PermissionsDefinition;
  /** Views of the package's entities, and dashboards whose every card is over them (issues 7, 8). */
  views?: NonNullable<AppDefinition['views']>;
  dashboards?: NonNullable<AppDefinition['dashboards']>;
}

/** Roles' grants restricted to `names` (roles granting none of them are left out). */
function pickPermissions(permissions: PermissionsDefinition | undefined, names: Set<string>): PermissionsDefinition | undefined {
  if (!permissions) return undefined;
  const roles = Object.fromEntries(Object.entries(permissions.roles).flatMap(([role, perms]) => {
    const entities = Object.fromEntries(Object.entries(perms.entities).filter(([name]) => names.has(name)));
    return Object.keys(entities).length ? [[role, { ...perms, entities }]] : [];
  }));
  return { roles };
}

/** The package of `names`; 404 names an entity the app does not have. */
export function appToPackage(app: AppDefinition, names: string[]): AppPackage {
  const missing = names.filter((n) => !app.entities.some((e) => e['x-name'] === n));
  if (missing.length) throw new HttpError(404, 'not_found', `No entity ${missing.map((m) => `"${m}"`).join(', ')} in the app`);
  const set = new Set(names);
  const permissions = pickPermissions(app.permissions, set);
  const views = (app.views ?? []).filter((v) => set.has(v.entity));
  const dashboards = (app.dashboards ?? []).filter((d) => d.cards.length > 0 && d.cards.every((c) => set.has(c.entity)));
  return {
    format: 'tessera-package',
    version: 1,
    entities: app.entities.filter((e) => set.has(e['x-name'])),
    layouts: app.layouts.filter((l) => set.has(l.entity)),
    workflows: (app.workflows ?? []).filter((w) => set.has(w.entity)),
    ...(permissions ? { permissions } : {}),
    ...(views.length ? { views } : {}),
    ...(dashboards.length ? { dashboards } : {}),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `app` with the package's definitions appended. Nothing is overwritten: an entity name or
 * plural, layout or workflow name the app already has is a 409 listing every clash, so the
 * implementer renames before importing. Validation of the result is the plan's job.
 */
export function mergePackage(app: AppDefinition, pkg: unknown): { app: AppDefinition; added: string[] } {
  if (!isObject(pkg) || pkg.format !== 'tessera-package' || !Array.isArray(pkg.entities) || !Array.isArray(pkg.layouts)) {
    throw new HttpError(400, 'bad_request', 'package: not a Tessera package (expected { "format": "tessera-package", "entities": [...], "layouts": [...] })',
      [{ field: 'package', rule: 'format', message: 'not a Tessera package' }]);
  }
  const p = pkg as unknown as AppPackage;
  const taken = new Set(app.entities.flatMap((e) => [e['x-name'], e['x-plural']]));
  const clashes = [
    ...p.entities.filter((e) => taken.has(e['x-name']) || taken.has(e['x-plural'])).map((e) => `entity "${e['x-name']}"`),
    ...p.layouts.filter((l) => app.layouts.some((m) => m.name === l.name)).map((l) => `layout "${l.name}"`),
    ...(p.workflows ?? []).filter((w) => (app.workflows ?? []).some((m) => m.name === w.name)).map((w) => `workflow "${w.name}"`),
    ...(p.views ?? []).filter((v) => (app.views ?? []).some((m) => m.name === v.name)).map((v) => `view "${v.name}"`),
    ...(p.dashboards ?? []).filter((d) => (app.dashboards ?? []).some((m) => m.name === d.name)).map((d) => `dashboard "${d.name}"`),
  ];
  if (clashes.length) {
    throw new HttpError(409, 'import_conflict', `The app already has ${clashes.join(', ')}; rename or delete them before importing`,
      clashes.map((c) => ({ field: 'package', rule: 'conflict', message: `already in the app: ${c}` })));
  }
  const roles = { ...(app.permissions?.roles ?? {}) };
  for (const [role, perms] of Object.entries(p.permissions?.roles ?? {})) {
    roles[role] = roles[role] ? { ...roles[role], entities: { ...roles[role].entities, ...perms.entities } } : perms;
  }
  const workflows = [...(app.workflows ?? []), ...(p.workflows ?? [])];
  const views = [...(app.views ?? []), ...(p.views ?? [])];
  const dashboards = [...(app.dashboards ?? []), ...(p.dashboards ?? [])];
  return {
    app: {
      ...app,
      entities: [...app.entities, ...p.entities],
      layouts: [...app.layouts, ...p.layouts],
      ...(workflows.length ? { workflows } : {}),
      ...(views.length ? { views } : {}),
      ...(dashboards.length ? { dashboards } : {}),
      // An app without permissions lets everyone do everything; a package must not switch that off.
      ...(app.permissions ? { permissions: { roles } } : {}),
    },
    added: p.entities.map((e) => e['x-name']),
  };
}
