import { appToOpenApi } from '@tessera/engine';
import { HttpError } from '../errors/http-error';
import type { AppState } from '../meta/compile-app-state';
import type { AppMiddleware } from './http-types';

export interface MetaRouteDeps {
  getState(): AppState;
  publish(app: unknown, baseVersion: number): Promise<{ version: number }>;
}

/** The metadata API the designer talks to, and the OpenAPI document of the current app. */
export function metaRoutes(deps: MetaRouteDeps): AppMiddleware {
  return async (ctx, next) => {
    const route = `${ctx.method} ${ctx.path}`;
    switch (route) {
      case 'GET /api/_meta/app': {
        const { version, app } = deps.getState();
        ctx.body = { version, app };
        return;
      }
      case 'GET /api/_meta/field-types':
        ctx.body = { data: deps.getState().registry.list().map(({ name, label, widget }) => ({ name, label, widget })) };
        return;
      case 'POST /api/_meta/publish': {
        const body = ctx.request.body as { app?: unknown; baseVersion?: unknown } | undefined;
        const problems = [];
        if (!body || typeof body !== 'object' || Array.isArray(body) || body.app === undefined) {
          problems.push({ field: 'app', rule: 'required', message: 'the app definition to publish is required' });
        }
        if (!Number.isInteger(body?.baseVersion) || (body?.baseVersion as number) < 0) {
          problems.push({ field: 'baseVersion', rule: 'integer', message: 'the version the change is based on (a whole number) is required' });
        }
        if (problems.length) throw new HttpError(400, 'bad_request', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
        ctx.body = await deps.publish(body!.app, body!.baseVersion as number);
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
