import type { PluginDefinition } from '@tessera/engine';
import type { Knex } from 'knex';
import { HttpError, notFound } from '../errors/http-error';
import { mergePackage } from '../http/app-package';
import type { AppContext } from '../http/http-types';
import type { AppState } from '../meta/compile-app-state';
import type { AppMigrations } from '../migrate/create-app-migrations';
import { readPluginStates } from './plugin-state-store';

export interface PluginPackageDeps {
  knex: Knex;
  getState: () => AppState;
  /** The app's migrations (plan/publish); the same code `POST /api/_meta/plan` and `/publish` run. */
  migrations?: () => AppMigrations;
}

/** What `GET /api/_meta/plugins` and enable say about a plugin's package: its entities, and whether the app has them all. */
export function packageStatus(plugin: PluginDefinition, state: AppState) {
  if (!plugin.package) return undefined;
  const entities = plugin.package.entities.map((e) => e['x-name']);
  const applied = entities.every((name) => state.app.entities.some((e) => e['x-name'] === name));
  return { entities, applied, plan: `/api/_meta/plugins/${plugin.name}/package/plan` };
}

/** `{ package }` for a plugin that has one, else nothing (the listing stays as it was for the others). */
export const withPackage = (plugin: PluginDefinition, state: AppState) => {
  const status = packageStatus(plugin, state);
  return status ? { package: status } : {};
};

/**
 * A plugin's entities reach the app like an imported module, never silently: `plan` merges
 * the package into the live app (409 listing every name clash) and previews the migration;
 * `apply { confirm: true }` publishes that merge as the admin, through the normal publish.
 */
export async function servePluginPackage(deps: PluginPackageDeps, ctx: AppContext, plugin: PluginDefinition | undefined, name: string, action: 'plan' | 'apply'): Promise<void> {
  if (!plugin) throw notFound(`No plugin "${name}" is loaded in this app`);
  if (!plugin.package) throw notFound(`Plugin "${name}" contributes no entities (it has no package)`);
  const migrations = deps.migrations?.();
  if (!migrations) throw new HttpError(503, 'unavailable', 'Migrations are not available in this process');
  const state = deps.getState();
  if ((await readPluginStates(deps.knex, state.app.name)).get(name)?.enabled === false) {
    throw new HttpError(409, 'plugin_disabled', `Plugin "${name}" is disabled in this app; enable it before adding its entities`);
  }
  const merged = mergePackage(state.app, plugin.package);
  if (action === 'plan') {
    ctx.body = { plugin: name, baseVersion: state.version, added: merged.added, plan: await migrations.plan(merged.app) };
    return;
  }
  const body = (ctx.request.body ?? {}) as { confirm?: unknown };
  if (body.confirm !== true) {
    throw new HttpError(409, 'confirmation_required', `Adding the entities of plugin "${name}" (${merged.added.join(', ')}) changes the database; review GET …/package/plan, then send { "confirm": true }`,
      [{ field: 'confirm', rule: 'required', message: 'must be true' }]);
  }
  const result = await migrations.publish(merged.app, state.version, { appliedBy: ctx.state.user!.username });
  ctx.body = { plugin: name, added: merged.added, version: result.version, steps: result.steps };
}
