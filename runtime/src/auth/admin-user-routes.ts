import type { Knex } from 'knex';
import { notFound, validationFailed } from '../errors/http-error';
import type { AppContext, AppMiddleware } from '../http/http-types';
import type { AuthDeps } from './auth-deps';
import { rowToAdminView, type NewUser, type UserPatch } from './create-user-store';
import { readJsonObject, unknownKeys } from './read-json-object';
import { isUuid } from './validate-user-input';

const CREATE_KEYS = ['username', 'password', 'email', 'displayName', 'roles', 'departmentId', 'managerId', 'isActive'] as const;
// `password` here is an admin's reset; the username is the stable sign-in name and stays.
const PATCH_KEYS = ['password', 'email', 'displayName', 'roles', 'departmentId', 'managerId', 'isActive'] as const;
const USER_ROUTE = /^\/api\/admin\/users\/([^/]+)(\/sessions)?$/;

/**
 * `/api/admin/users`: list, create, read, change (roles, active, department, manager, password
 * reset) and end a user's sessions. `authorize` has already required the admin role.
 */
export function adminUserRoutes(deps: AuthDeps): AppMiddleware {
  return async (ctx, next) => {
    if (ctx.path === '/api/admin/users') {
      if (ctx.method === 'GET') {
        ctx.body = { data: (await deps.users.list()).map(rowToAdminView) };
        return;
      }
      if (ctx.method === 'POST') {
        const body = readJsonObject(ctx);
        const extra = unknownKeys(body, CREATE_KEYS);
        if (extra.length) throw validationFailed(extra);
        ctx.status = 201;
        ctx.body = { data: rowToAdminView(await deps.users.create(body as unknown as NewUser)) };
        return;
      }
    }
    const match = USER_ROUTE.exec(ctx.path);
    if (!match) return next();
    const id = isUuid(match[1]) ? match[1].toLowerCase() : undefined;
    const missing = () => notFound(`No user with id "${match[1]}"`);
    if (!id) throw missing();
    if (match[2]) {
      if (ctx.method !== 'DELETE') return next();
      if (!(await deps.users.findById(id))) throw missing();
      await deps.sessions.revokeAllOf(id);
      ctx.status = 204;
      return;
    }
    if (ctx.method === 'GET') {
      const row = await deps.users.findById(id);
      if (!row) throw missing();
      ctx.body = { data: rowToAdminView(row) };
    } else if (ctx.method === 'PATCH') {
      await patchUser(ctx, deps, id, missing);
    } else {
      return next();
    }
  };
}

async function patchUser(ctx: AppContext, deps: AuthDeps, id: string, missing: () => Error): Promise<void> {
  const body = readJsonObject(ctx);
  const extra = unknownKeys(body, PATCH_KEYS);
  if (extra.length) throw validationFailed(extra);
  const managerId = typeof body.managerId === 'string' && isUuid(body.managerId) ? body.managerId.toLowerCase() : undefined;
  if (managerId === id) throw validationFailed([{ field: 'managerId', rule: 'cycle', message: 'a user cannot be their own manager' }]);
  const row = managerId === undefined
    ? await deps.users.update(id, body as UserPatch)
    : await deps.knex.transaction(async (trx) => {
        // The loop check and the change under one lock, so two concurrent changes (A → B, B → A) cannot make a loop.
        await trx.raw('select pg_advisory_xact_lock(hashtext(?))', ['tessera:user_managers']);
        if (await reportsTo(trx, managerId, id)) {
          throw validationFailed([{ field: 'managerId', rule: 'cycle', message: 'this user already manages that user (directly or through others): the reporting line would be a loop' }]);
        }
        return deps.users.update(id, body as UserPatch, trx);
      });
  if (!row) throw missing();
  // A reset password or a deactivated account must not leave old sessions running.
  if (body.password !== undefined || body.isActive === false) await deps.sessions.revokeAllOf(id);
  ctx.body = { data: rowToAdminView(row) };
}

/** Whether `user` reports to `manager`, directly or up a chain of managers (`union` stops at a loop already stored). */
async function reportsTo(knex: Knex, user: string, manager: string): Promise<boolean> {
  const { rows } = await knex.raw(
    `with recursive chain(id) as (select ?::uuid union select u.manager_id from tessera.users u join chain on u.id = chain.id where u.manager_id is not null)
     select 1 from chain where id = ?::uuid limit 1`,
    [user, manager],
  );
  return rows.length > 0;
}
