import { appToOpenApi } from '@tessera/engine';
import { requireAccess } from '../auth/authorize';
import { HttpError } from '../errors/http-error';
import type { AppState } from '../meta/compile-app-state';
import type { AppMigrations } from '../migrate/create-app-migrations';
import { readMigrationChoices } from '../migrate/read-migration-choices';
import { appToPackage, mergePackage } from './app-package';
import type { AppMiddleware } from './http-types';

export interface MetaRouteDeps {
  getState(): AppState;
  migrations: AppMigrations;
}

type Body = Record<string, unknown>;
const isObject = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);
const badRequest = (problems: { field: string; rule: string; message: string }[]) =>
  new HttpError(400, 'bad_request', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);

/** The metadata API the designer talks to, and the OpenAPI document of the current app. */
export function metaRoutes(deps: MetaRouteDeps): AppMiddleware {
  return async (ctx, next) => {
    const route = `${ctx.method} ${ctx.path}`;
    const body = (ctx.request.body ?? {}) as unknown;
    const by = () => ctx.state.user?.username ?? 'api';
    switch (route) {
      case 'GET /api/_meta/app': {
        const { version, app } = deps.getState();
        ctx.body = { version, app };
        return;
      }
      case 'GET /api/_meta/field-types':
        ctx.body = { data: deps.getState().registry.list().map(({ name, label, widget }) => ({ name, label, widget })) };
        return;
      case 'POST /api/_meta/plan': {
        requireAccess(ctx, 'admin');
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
        requireAccess(ctx, 'admin');
        const problems = [];
        const base = isObject(body) ? body.baseVersion : undefined;
        if (base !== undefined && (!Number.isInteger(base) || (base as number) < 1)) problems.push({ field: 'baseVersion', rule: 'integer', message: 'must be the current version (a whole number)' });
        const { confirmDestructive } = readMigrationChoices(body, '', problems);
        if (problems.length) throw badRequest(problems);
        ctx.body = await deps.migrations.rollback({ confirmDestructive, baseVersion: base as number | undefined, appliedBy: by() });
        return;
      }
      case 'GET /api/_meta/history':
        requireAccess(ctx, 'admin');
        ctx.body = { data: await deps.migrations.history() };
        return;
      case 'GET /api/_meta/export': {
        requireAccess(ctx, 'admin');
        const names = String(ctx.query.entities ?? '').split(',').map((n) => n.trim()).filter(Boolean);
        if (!names.length) throw badRequest([{ field: 'entities', rule: 'required', message: 'name the entities to export, e.g. ?entities=bid,bid_item' }]);
        ctx.body = appToPackage(deps.getState().app, names);
        return;
      }
      case 'POST /api/_meta/import': {
        // Merges into the caller's draft (or the live app); publishing it is the normal plan/publish path.
        requireAccess(ctx, 'admin');
        const target = isObject(body) && isObject(body.app) ? body.app : deps.getState().app;
        ctx.body = mergePackage(target as unknown as AppState['app'], isObject(body) ? body.package : undefined);
        return;
      }
      case 'GET /api/openapi.json': {
        const { app, registry } = deps.getState();
        ctx.body = appToOpenApi(app, registry);
        return;
      }
      default:
        if (ctx.path.startsWith('/api/_meta/')) throw new HttpError(404, 'not_found', `No metadata endpoint ${route}`);
        return next();
    }
  };
}
