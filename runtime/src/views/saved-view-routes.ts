import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { HttpError, notFound, validationFailed, type ErrorDetail } from '../errors/http-error';
import type { AppMiddleware } from '../http/http-types';
import { handledBy } from '../http/handled-by';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import type { AppState } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';
import type { SavedViewRow } from './saved-view-types';
import { checkName, checkQuery, entityNamed, stillValid } from './validate-saved-view';

const ROUTE = /^\/api\/_views(?:\/([^/]+))?\/?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Enough for anyone's habits, small enough that a runaway client cannot fill the table. */
const MAX_VIEWS_PER_ENTITY = 100;
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const view = (r: SavedViewRow & { owner_name?: string }, me: string, problems: string[] = []) => ({
  id: r.id,
  entity: r.entity,
  name: r.name,
  query: r.query,
  shared: r.shared,
  mine: r.user_id === me,
  ...(r.user_id !== me && r.owner_name ? { ownerName: r.owner_name } : {}),
  ...(problems.length ? { problems } : {}),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

const duplicateName = () => new HttpError(409, 'conflict', 'name: you already have a view with this name for this entity', [{ field: 'name', rule: 'unique', message: 'you already have a view with this name' }]);
const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

/** Administrators and anyone who manages someone may share a view with everybody. */
async function mayShare(knex: Knex, user: AuthUser): Promise<boolean> {
  if (user.roles.includes('admin')) return true;
  return Boolean(await knex('tessera.users').where({ manager_id: user.id, is_active: true }).first('id'));
}

function readBody(body: unknown, allowed: string[]): Record<string, unknown> {
  if (!isObject(body)) throw validationFailed([{ field: '', rule: 'type', message: 'must be a JSON object' }]);
  const errors: ErrorDetail[] = [];
  for (const key of Object.keys(body)) if (!allowed.includes(key)) errors.push({ field: key, rule: 'unknown-field', message: `is not a field of a saved view; use ${allowed.join(', ')}` });
  if (body.shared !== undefined && typeof body.shared !== 'boolean') errors.push({ field: 'shared', rule: 'type', message: 'must be true or false' });
  if (errors.length) throw validationFailed(errors);
  return body;
}

/**
 * Saved list views per user (issue 7): `GET /api/_views?entity=` (mine, plus views others
 * shared), `POST /api/_views`, `PATCH|DELETE /api/_views/{id}` (mine only: others' ids are 404).
 * Every query is checked by the engine's list-query parser against the entity as the caller
 * knows it; a shared view that no longer parses for the reader is left out of their list.
 */
export function savedViewRoutes(knex: Knex, getState: () => AppState): RouteDeclaration[] {
  const views = handledBy(savedViewMiddleware(knex, getState));
  return defineRoutes([
    { method: 'GET', path: '/api/_views', action: 'signed-in', summary: 'Your saved list views and those shared with you', handler: views },
    { method: 'POST', path: '/api/_views', action: 'signed-in', summary: 'Save a list view', handler: views },
    { method: 'PATCH', path: '/api/_views/:id', action: 'signed-in', summary: 'Change one of your saved views', handler: views },
    { method: 'DELETE', path: '/api/_views/:id', action: 'signed-in', summary: 'Delete one of your saved views', handler: views },
  ]);
}

function savedViewMiddleware(knex: Knex, getState: () => AppState): AppMiddleware {
  return async (ctx, next) => {
    const match = ROUTE.exec(ctx.path);
    if (!match) return next();
    const user = ctx.state.user!;
    const state = getState();
    const [, rawId] = match;
    if (!rawId) {
      if (ctx.method === 'GET') {
        const entity = entityNamed(state, ctx.query.entity);
        if (!entity) throw validationFailed([{ field: 'entity', rule: ctx.query.entity === undefined ? 'required' : 'enum', message: 'must name an entity of the app (its x-name)' }]);
        recordAccess(user, state, entity, 'read'); // 403 when the entity is not the user's to read
        const rows: (SavedViewRow & { owner_name: string })[] = await knex('tessera.saved_views as v').join('tessera.users as u', 'u.id', 'v.user_id')
          .where('v.entity', entity.entity['x-name'])
          .andWhere((w) => void w.where('v.user_id', user.id).orWhere('v.shared', true))
          .orderBy([{ column: 'v.name' }, { column: 'v.id' }])
          .select('v.*', 'u.display_name as owner_name');
        ctx.body = {
          data: rows.flatMap((r) => {
            const problems = stillValid(state, entity, user, r.query);
            // My own broken view is shown (to fix or delete); someone else's is not mine to see.
            return r.user_id !== user.id && problems.length ? [] : [view(r, user.id, problems)];
          }),
        };
        return;
      }
      const body = readBody(ctx.request.body, ['entity', 'name', 'query', 'shared']);
      const errors: ErrorDetail[] = [];
      const entity = entityNamed(state, body.entity);
      if (!entity) errors.push({ field: 'entity', rule: body.entity === undefined ? 'required' : 'enum', message: 'must name an entity of the app (its x-name)' });
      const name = checkName(body.name, errors);
      const query = entity ? checkQuery(state, entity, user, body.query ?? {}, errors) : undefined;
      if (body.shared === true && !(await mayShare(knex, user))) errors.push({ field: 'shared', rule: 'forbidden', message: 'only administrators and managers may share a view' });
      if (errors.length || !entity || !name || !query) throw validationFailed(errors);
      const [{ count }] = await knex('tessera.saved_views').where({ user_id: user.id, entity: entity.entity['x-name'] }).count<{ count: string | number }[]>('* as count');
      if (Number(count) >= MAX_VIEWS_PER_ENTITY) throw validationFailed([{ field: 'name', rule: 'limit', message: `you have ${MAX_VIEWS_PER_ENTITY} views of this entity already; delete one first` }]);
      try {
        const [row] = await knex('tessera.saved_views').insert({ user_id: user.id, entity: entity.entity['x-name'], name, query: JSON.stringify(query), shared: body.shared === true }).returning('*');
        ctx.status = 201;
        ctx.body = { data: view(row, user.id) };
      } catch (err) {
        throw isUniqueViolation(err) ? duplicateName() : err;
      }
      return;
    }
    if (!UUID.test(rawId)) throw notFound(`No saved view with id "${rawId}"`);
    const id = rawId.toLowerCase();
    // Own views only, in the WHERE: another user's id reads as absent.
    const row: SavedViewRow | undefined = await knex('tessera.saved_views').where({ id, user_id: user.id }).first();
    if (!row) throw notFound(`No saved view with id "${rawId}"`);
    if (ctx.method === 'DELETE') {
      await knex('tessera.saved_views').where({ id, user_id: user.id }).delete();
      ctx.status = 204;
      return;
    }
    const body = readBody(ctx.request.body, ['name', 'query', 'shared']);
    const errors: ErrorDetail[] = [];
    const patch: Record<string, unknown> = {};
    if (body.name !== undefined) patch.name = checkName(body.name, errors);
    const entity = entityNamed(state, row.entity);
    if (body.query !== undefined) {
      if (!entity) errors.push({ field: 'query', rule: 'invalid', message: `the entity "${row.entity}" is no longer in the app` });
      else patch.query = JSON.stringify(checkQuery(state, entity, user, body.query, errors) ?? null);
    }
    if (body.shared !== undefined) {
      if (body.shared && !(await mayShare(knex, user))) errors.push({ field: 'shared', rule: 'forbidden', message: 'only administrators and managers may share a view' });
      patch.shared = body.shared;
    }
    if (errors.length) throw validationFailed(errors);
    try {
      const [updated] = await knex('tessera.saved_views').where({ id, user_id: user.id }).update({ ...patch, updated_at: knex.fn.now() }).returning('*');
      ctx.body = { data: view(updated, user.id) };
    } catch (err) {
      throw isUniqueViolation(err) ? duplicateName() : err;
    }
  };
}
