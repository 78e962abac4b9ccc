import type { Knex } from 'knex';
import { requireAccess, forbidden } from '../auth/authorize';
import { notFound } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess, type RecordAccess } from '../permissions/record-access';
import { userPermissions } from '../permissions/user-permissions';
import type { AppContext } from './http-types';
import { routeActions, routeTokenScope, type EntityRouteArgs, type RecordRouteArgs, type RouteArgs, type RouteDeclaration } from './route-types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/** The token scope and role a route's declaration asks for (401/403). */
export function checkCaller(ctx: AppContext, route: RouteDeclaration): void {
  const need = routeTokenScope(route);
  if (need === undefined) return;
  if (need === 'session') {
    // Minting or revoking credentials: a signed-in person, or a token the admin made for exactly that.
    requireAccess(ctx, 'read');
    if (ctx.state.auth!.kind === 'token' && !ctx.state.auth!.scopes.includes('admin')) throw forbidden('Manage API tokens from a signed-in session (or with an admin-scoped token)');
    return;
  }
  requireAccess(ctx, need);
}

/** The published entity at `:plural`, or undefined (the router then tries the next route). */
export const entityAt = (state: AppState, plural: string | undefined): CompiledEntity | undefined => (plural === undefined ? undefined : state.byPlural.get(plural));

/**
 * The caller's access for the first of the route's actions their roles grant on `entity`;
 * 403 naming the action when none is granted.
 */
export function grantedAccess(ctx: AppContext, state: AppState, entity: CompiledEntity, route: RouteDeclaration): RecordAccess {
  const actions = routeActions(route);
  const resolved = userPermissions(state, ctx.state.user!).resolved.entity(entity.entity['x-name']);
  const action = actions.find((a) => resolved.actions.has(a)) ?? actions[0];
  return recordAccess(ctx.state.user!, state, entity, action);
}

/**
 * Whether record `id` exists in the caller's scope for the route: one primary-key lookup with
 * the same scope clause every read uses. Soft-deleted rows count: whether
 * they may be seen is the handler's business (restore needs them, reads hide them).
 */
async function inScope(knex: Knex, entity: CompiledEntity, access: RecordAccess, id: string, mode: 'read' | 'write' | 'pool'): Promise<boolean> {
  const found = await knex
    .withSchema(entity.schema)
    .table(entity.table)
    .where({ id })
    .modify((qb) => access.restrict(qb, entity.table, mode === 'write' ? 'write' : 'read'))
    .first('id');
  return found !== undefined;
}

/**
 * The arguments of a route's handler, after every check its declaration names: entity grant
 * (403), record id well-formed and in scope (404, the same answer as a missing record). Undefined
 * when `:plural` is no published entity, so the router can try the other routes.
 */
export async function routeArgs(ctx: AppContext, knex: Knex, state: AppState, route: RouteDeclaration, params: Record<string, string>): Promise<RouteArgs | EntityRouteArgs | RecordRouteArgs | undefined> {
  if (!route.entity) return { params, state };
  const entity = entityAt(state, params.plural);
  if (!entity) return undefined;
  const access = grantedAccess(ctx, state, entity, route);
  if (!route.record) return { params, state, entity, access };
  const missing = () => notFound(`No ${entity.entity['x-name']} with id "${params.id}"`);
  if (!UUID.test(params.id ?? '')) throw missing();
  const id = params.id.toLowerCase();
  // `scopedBy: 'statement'`: the handler's one statement carries this very scope (checked by the matrix test).
  if (route.scopedBy !== 'statement' && !(await inScope(knex, entity, access, id, route.record))) throw missing();
  return { params, state, entity, access, id };
}

const SYSTEM_ONLY = new Set(['id', 'version']);

/**
 * The one response filter: the records in `data` as the caller may see them — hidden fields
 * removed; a caller who may act on the entity without reading it gets only id and version.
 */
export function filterRecords(ctx: AppContext, state: AppState, entity: CompiledEntity): void {
  const body = ctx.body as { data?: unknown } | undefined;
  if (!body || typeof body !== 'object' || body.data === undefined || body.data === null) return;
  const access = userPermissions(state, ctx.state.user!).resolved.entity(entity.entity['x-name']);
  const keep = (record: unknown): unknown => {
    if (!record || typeof record !== 'object') return record;
    const entries = Object.entries(record as Record<string, unknown>);
    if (!access.actions.has('read')) return Object.fromEntries(entries.filter(([k]) => SYSTEM_ONLY.has(k)));
    return access.hidden.size === 0 ? record : Object.fromEntries(entries.filter(([k]) => !access.hidden.has(k)));
  };
  body.data = Array.isArray(body.data) ? body.data.map(keep) : keep(body.data);
}
