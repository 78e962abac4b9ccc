import { appToOpenApi, createWorkflowRegistry, type WorkflowRegistry } from '@tessera/engine';
import type { Knex } from 'knex';
import { readConfig } from '../config/read-config';
import { HttpError } from '../errors/http-error';
import type { AppState } from '../meta/compile-app-state';
import { createMetadataStore } from '../meta/create-metadata-store';
import type { AppMigrations } from '../migrate/create-app-migrations';
import { listArchives } from '../migrate/list-archives';
import { purgeArchives } from '../migrate/purge-archives';
import { readMigrationChoices } from '../migrate/read-migration-choices';
import { appToPackage, mergePackage } from './app-package';
import { viewsForUser } from '../permissions/views-for-user';
import type { AppMiddleware } from './http-types';
import { handledBy } from './handled-by';
import { withDeclaredRoutes } from './routes-to-openapi';
import { defineRoutes, type HttpMethod, type RouteDeclaration } from './route-types';

export interface MetaRouteDeps {
  getState(): AppState;
  migrations: AppMigrations;
  /** For the archive listing and purge, which work on the database directly. */
  knex: Knex;
  /** Guards, actions and channels the designer offers (`GET /api/_meta/registry`); built-ins when absent. */
  workflowRegistry?: WorkflowRegistry;
  /** The whole route table, for the OpenAPI document. */
  declaredRoutes?(): readonly RouteDeclaration[];
}

type Body = Record<string, unknown>;
const isObject = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);
const badRequest = (problems: { field: string; rule: string; message: string }[]) =>
  new HttpError(400, 'bad_request', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);

/** `{ confirm?: boolean, olderThanDays?: number ≥ 0 }`; anything else is a 400 naming the field. */
function readPurgeBody(body: unknown): { confirm: boolean; olderThanDays?: number } {
  const problems = [];
  const value = isObject(body) ? body : {};
  if (!isObject(body) && body !== undefined) problems.push({ field: 'body', rule: 'type', message: 'must be an object' });
  if (value.confirm !== undefined && typeof value.confirm !== 'boolean') problems.push({ field: 'confirm', rule: 'type', message: 'must be true or false' });
  const days = value.olderThanDays;
  if (days !== undefined && (typeof days !== 'number' || !Number.isFinite(days) || days < 0)) problems.push({ field: 'olderThanDays', rule: 'minimum', message: 'must be a number of days, 0 or more' });
  if (problems.length) throw badRequest(problems);
  return { confirm: value.confirm === true, olderThanDays: days as number | undefined };
}

/** What the designer needs to offer guards, actions (with their params schemas) and field types. */
function registryView(state: AppState, workflows: WorkflowRegistry) {
  const call = ({ name, description, paramsSchema }: { name: string; description?: string; paramsSchema?: object }) => ({ name, ...(description ? { description } : {}), paramsSchema: paramsSchema ?? { type: 'object' } });
  return {
    guards: workflows.guards.list().map(call),
    actions: workflows.actions.list().map(call),
    channels: workflows.channels.names(),
    fieldTypes: state.registry.list().map(({ name, label, widget }) => ({ name, label, widget })),
  };
}

const VERSION_PATH = /^\/api\/_meta\/versions\/([^/]+)$/;

/** The metadata API the designer talks to, and the OpenAPI document of the current app. */
export function metaRoutes(deps: MetaRouteDeps): RouteDeclaration[] {
  const meta = handledBy(metaMiddleware(deps));
  const admin = (method: HttpMethod, path: string, summary: string): RouteDeclaration => ({ method, path, action: 'admin', summary, handler: meta });
  return defineRoutes([
    { method: 'GET', path: '/api/_meta/app', action: 'signed-in', summary: 'The published app (views and dashboards as you may use them)', handler: meta },
    { method: 'GET', path: '/api/_meta/field-types', action: 'signed-in', summary: 'The field types of this app', handler: meta },
    { method: 'GET', path: '/api/openapi.json', action: 'signed-in', summary: 'This OpenAPI document', handler: meta },
    admin('POST', '/api/_meta/plan', 'Preview the migration a changed app needs'),
    admin('POST', '/api/_meta/publish', 'Publish a changed app'),
    admin('POST', '/api/_meta/rollback', 'Roll back to the previous version'),
    admin('POST', '/api/_meta/rollback/plan', 'Preview a rollback'),
    admin('GET', '/api/_meta/registry', 'Guards, actions, channels and field types the designer offers'),
    admin('GET', '/api/_meta/history', 'Published versions and their migrations'),
    admin('GET', '/api/_meta/archives', 'Archived columns and tables'),
    admin('POST', '/api/_meta/purge', 'Delete archives for good'),
    admin('GET', '/api/_meta/export', 'Export entities as a package'),
    admin('POST', '/api/_meta/import', 'Merge a package into an app'),
    admin('GET', '/api/_meta/versions/:version', 'The definition of one published version'),
  ]);
}

function metaMiddleware(deps: MetaRouteDeps): AppMiddleware {
  const workflows = deps.workflowRegistry ?? createWorkflowRegistry();
  return async (ctx, next) => {
    const route = `${ctx.method} ${ctx.path}`;
    const body = (ctx.request.body ?? {}) as unknown;
    const by = () => ctx.state.user?.username ?? 'api';
    switch (route) {
      case 'GET /api/_meta/app': {
        const { version, app } = deps.getState();
        // Views and dashboards as this user may use them; the designer (admins) sees them all.
        const user = ctx.state.user;
        // The app's time zone (schedules, reminders, autonumber dates): the calendar shows days in it.
        ctx.body = { version, timeZone: readConfig().TESSERA_JOBS_TZ, app: user && (app.views || app.dashboards) ? { ...app, ...viewsForUser(app, user.roles) } : app };
        return;
      }
      case 'GET /api/_meta/field-types':
        ctx.body = { data: deps.getState().registry.list().map(({ name, label, widget }) => ({ name, label, widget })) };
        return;
      case 'POST /api/_meta/plan': {
        const problems = [];
        if (!isObject(body) || body.app === undefined) problems.push({ field: 'app', rule: 'required', message: 'the app definition to plan is required' });
        const choices = readMigrationChoices(isObject(body) ? (body.options ?? {}) : {}, 'options.', problems);
        if (problems.length) throw badRequest(problems);
        ctx.body = await deps.migrations.plan((body as Body).app, choices);
        return;
      }
      case 'POST /api/_meta/publish': {
        const problems = [];
        if (!isObject(body) || body.app === undefined) problems.push({ field: 'app', rule: 'required', message: 'the app definition to publish is required' });
        const base = isObject(body) ? body.baseVersion : undefined;
        if (!Number.isInteger(base) || (base as number) < 0) {
          problems.push({ field: 'baseVersion', rule: 'integer', message: 'the version the change is based on (a whole number) is required' });
        }
        const choices = readMigrationChoices(body, '', problems);
        if (problems.length) throw badRequest(problems);
        const { version } = await deps.migrations.publish((body as Body).app, base as number, { ...choices, appliedBy: by() });
        ctx.body = { version };
        return;
      }
      case 'POST /api/_meta/rollback': {
        const problems = [];
        const base = isObject(body) ? body.baseVersion : undefined;
        if (base !== undefined && (!Number.isInteger(base) || (base as number) < 1)) problems.push({ field: 'baseVersion', rule: 'integer', message: 'must be the current version (a whole number)' });
        const { confirmDestructive } = readMigrationChoices(body, '', problems);
        if (problems.length) throw badRequest(problems);
        ctx.body = await deps.migrations.rollback({ confirmDestructive, baseVersion: base as number | undefined, appliedBy: by() });
        return;
      }
      case 'POST /api/_meta/rollback/plan': {
        // The rollback's dry run: the designer shows these steps (or why it cannot) before confirming.
        const base = isObject(body) ? body.baseVersion : undefined;
        if (base !== undefined && (!Number.isInteger(base) || (base as number) < 1)) throw badRequest([{ field: 'baseVersion', rule: 'integer', message: 'must be the current version (a whole number)' }]);
        ctx.body = await deps.migrations.rollbackPlan({ baseVersion: base as number | undefined });
        return;
      }
      case 'GET /api/_meta/registry':
        ctx.body = registryView(deps.getState(), workflows);
        return;
      case 'GET /api/_meta/history':
        ctx.body = { data: await deps.migrations.history() };
        return;
      case 'GET /api/_meta/archives':
        ctx.body = { data: await listArchives(deps.knex, deps.getState().app.name) };
        return;
      case 'POST /api/_meta/purge': {
        const { confirm, olderThanDays } = readPurgeBody(body);
        const appName = deps.getState().app.name;
        if (!confirm) {
          const archives = await listArchives(deps.knex, appName, { olderThanDays });
          throw new HttpError(409, 'confirmation_required',
            `Purging deletes ${archives.length} archive(s) for good, and a rollback that needs them will refuse; send confirm: true to purge`,
            archives.map((a) => ({ field: a.source, rule: 'purge', message: `${a.table} (archived by v${a.version}, ${a.rows} row(s))` })));
        }
        const { dropped, version } = await purgeArchives({ knex: deps.knex, appName, appliedBy: by(), olderThanDays });
        ctx.body = { data: dropped, version };
        return;
      }
      case 'GET /api/_meta/export': {
        const names = String(ctx.query.entities ?? '').split(',').map((n) => n.trim()).filter(Boolean);
        if (!names.length) throw badRequest([{ field: 'entities', rule: 'required', message: 'name the entities to export, e.g. ?entities=bid,bid_item' }]);
        ctx.body = appToPackage(deps.getState().app, names);
        return;
      }
      case 'POST /api/_meta/import': {
        // Merges into the caller's draft (or the live app); publishing it is the normal plan/publish path.
        const target = isObject(body) && isObject(body.app) ? body.app : deps.getState().app;
        ctx.body = mergePackage(target as unknown as AppState['app'], isObject(body) ? body.package : undefined);
        return;
      }
      case 'GET /api/openapi.json': {
        const state = deps.getState();
        ctx.body = withDeclaredRoutes(appToOpenApi(state.app, state.registry) as unknown as { paths: Record<string, Record<string, unknown>> }, deps.declaredRoutes?.() ?? [], state);
        return;
      }
      default: {
        const versionMatch = ctx.method === 'GET' ? VERSION_PATH.exec(ctx.path) : null;
        if (versionMatch) {
          // The stored definition of one published version, e.g. for a diff between two of them.
            const n = Number(versionMatch[1]);
          if (!/^[1-9][0-9]{0,8}$/.test(versionMatch[1])) throw badRequest([{ field: 'version', rule: 'integer', message: 'must be a version number (1 or more)' }]);
          const stored = await createMetadataStore(deps.knex).get(deps.getState().app.name, n);
          if (!stored) throw new HttpError(404, 'not_found', `There is no version ${n}`);
          ctx.body = { version: stored.version, source: stored.source, createdAt: stored.createdAt, app: stored.definition };
          return;
        }
        return next();
      }
    }
  };
}
