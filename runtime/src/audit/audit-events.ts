import type { Knex } from 'knex';
import { isHttpError } from '../errors/http-error';
import type { AppContext, AppMiddleware } from '../http/http-types';
import { writeAudit } from './write-audit';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Which requests are audit events (besides record changes, which the trigger records). */
function eventOf(ctx: AppContext): string | undefined {
  if (ctx.method === 'POST' && ctx.path === '/api/auth/login') return 'login';
  if (ctx.method === 'POST' && ctx.path === '/api/_meta/publish') return 'publish';
  if (ctx.method === 'POST' && ctx.path === '/api/_meta/rollback') return 'rollback';
  // Roles, departments and teams decide what users may see: every change to them is a permission change.
  if (ctx.method !== 'GET' && ctx.path.startsWith('/api/admin/')) return 'admin_change';
  return undefined;
}

/**
 * Records sign-ins (and failed ones), publishes and rollbacks (metadata, including
 * permissions), and user/org administration, around the routes that do them, so those
 * routes stay unaware of auditing. Never the password; the username of a failed sign-in is
 * kept because that is what an investigator searches for.
 */
export function auditEvents(knex: Knex): AppMiddleware {
  return async (ctx, next) => {
    const event = eventOf(ctx);
    if (!event) return next();
    // The route parses the body: read it once the route has run.
    const body = () => (isObject(ctx.request.body) ? ctx.request.body : {});
    const base = { requestId: ctx.state.requestId ?? null };
    try {
      await next();
    } catch (err) {
      if (event === 'login' && isHttpError(err) && (err.status === 401 || err.status === 429)) {
        await writeAudit(knex, { ...base, actorId: null, action: 'login_failed', meta: { username: typeof body().username === 'string' ? (body().username as string).slice(0, 200) : null, status: err.status } });
      }
      throw err;
    }
    if (ctx.status >= 300) return;
    const responseUser = isObject(ctx.body) && isObject(ctx.body.data) && isObject(ctx.body.data.user) ? ctx.body.data.user : undefined;
    if (event === 'login') {
      await writeAudit(knex, { ...base, actorId: (responseUser?.id as string) ?? null, action: 'login' });
    } else if (event === 'admin_change') {
      await writeAudit(knex, { ...base, actorId: ctx.state.user?.id ?? null, action: event, meta: { method: ctx.method, path: ctx.path, fields: Object.keys(body()).filter((k) => !/password/i.test(k)) } });
    } else {
      const version = isObject(ctx.body) ? ctx.body.version : undefined;
      await writeAudit(knex, { ...base, actorId: ctx.state.user?.id ?? null, action: event, meta: { version: version ?? null } });
    }
  };
}
