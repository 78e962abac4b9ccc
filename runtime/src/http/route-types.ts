import type { PermissionAction } from '@tessera/metadata';
import type { TokenScope } from '../auth/auth-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import type { RecordAccess } from '../permissions/record-access';
import type { AppContext } from './http-types';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * Who may call a route: anyone (`public`), any signed-in user, administrators, or — on an
 * entity route — the roles granted one of the entity's permission actions.
 */
export type RouteAction = 'public' | 'signed-in' | 'admin' | PermissionAction | readonly PermissionAction[];

/**
 * Which of the caller's records a record route may touch: those in their `read` or `write`
 * scope, or (`pool`) also the unowned records of a public pool they may claim from.
 * Soft-deleted records count (restore acts on them; reads filter them out themselves).
 */
export type RecordScopeMode = 'read' | 'write' | 'pool';

export interface RouteArgs {
  params: Record<string, string>;
  state: AppState;
}

/** What an entity route's handler receives once the guard has settled the caller's grant. */
export interface EntityRouteArgs extends RouteArgs {
  entity: CompiledEntity;
  /** The caller's access for the route's (first granted) action. */
  access: RecordAccess;
}

/** …and a record route's, once the record is known to be in the caller's scope. */
export interface RecordRouteArgs extends EntityRouteArgs {
  id: string;
}

interface BaseRoute {
  method: HttpMethod;
  /** A @koa/router path: `/api/:plural/:id/history`. */
  path: string;
  /** One line for the OpenAPI document. */
  summary: string;
  /**
   * How the body is read: JSON (the default for writes), or left to the handler (`raw`:
   * multipart uploads, public plugin routes with their own limit).
   */
  body?: 'json' | 'raw';
  /**
   * The API-token scope the route needs. Derived when absent: `admin` for admin routes, `read`
   * for GET, else `write`. `session`: a signed-in session or an admin-scoped token.
   */
  token?: TokenScope | 'session';
}

export interface PlainRoute extends BaseRoute {
  action: 'public' | 'signed-in' | 'admin';
  /** A public route that still wants to know a signed-in caller (signing in or out replaces their session). */
  caller?: 'optional';
  entity?: undefined;
  record?: undefined;
  handler(ctx: AppContext, args: RouteArgs): Promise<void> | void;
}

/** Which entities have a route (a workflow's routes exist only where there is a workflow); all when absent. */
export type AppliesTo = (entity: CompiledEntity, state: AppState) => boolean;

export interface EntityRoute extends BaseRoute {
  action: PermissionAction | readonly PermissionAction[];
  /** `:plural` names a published entity; the caller needs the action on it (403 otherwise). */
  entity: true;
  appliesTo?: AppliesTo;
  record?: undefined;
  /** The response's `data` holds records of the entity: they leave through the caller's field filter. */
  returns?: 'records';
  handler(ctx: AppContext, args: EntityRouteArgs): Promise<void> | void;
}

export interface RecordRoute extends BaseRoute {
  action: PermissionAction | readonly PermissionAction[];
  entity: true;
  appliesTo?: AppliesTo;
  /** `:id` names one record, which must be in the caller's scope (404 otherwise, like a missing id). */
  record: RecordScopeMode;
  /**
   * The guard looks the record up in the caller's scope before the handler runs. `statement`:
   * the handler's own statement carries that scope (get by id's compiled read, a write's locked
   * check in its transaction), so the hot paths pay one statement, not two.
   */
  scopedBy?: 'statement';
  returns?: 'records';
  handler(ctx: AppContext, args: RecordRouteArgs): Promise<void> | void;
}

/** One HTTP route, declared once: the router mounts it, the guard enforces it, OpenAPI lists it, the matrix test probes it. */
export type RouteDeclaration = PlainRoute | EntityRoute | RecordRoute;

/** Authoring helper: a feature's route list, typed. */
export const defineRoutes = <T extends RouteDeclaration[]>(routes: T): T => routes;

/** The permission actions a route's caller needs one of (none for plain routes). */
export const routeActions = (route: RouteDeclaration): readonly PermissionAction[] =>
  route.entity ? (typeof route.action === 'string' ? [route.action as PermissionAction] : (route.action as readonly PermissionAction[])) : [];

/** The token scope a route needs (see BaseRoute.token). */
export function routeTokenScope(route: RouteDeclaration): TokenScope | 'session' | undefined {
  if (route.action === 'public') return undefined;
  if (route.token) return route.token;
  if (route.action === 'admin') return 'admin';
  return route.method === 'GET' ? 'read' : 'write';
}
