import type Koa from 'koa';
import type { AuthMethod, AuthUser } from '../auth/auth-types';
import type { RecordHooks } from '../plugins/record-hooks-types';
import type { RouteDeclaration } from './route-types';

/** What middleware puts on `ctx.state` for the rest of the request. */
export interface RequestState {
  requestId: string;
  /** The caller, set by `authenticate`; always present on /api routes past it (except sign-in). */
  user?: AuthUser;
  /** How the caller signed in: a session (CSRF-checked writes) or an API token (scopes). */
  auth?: AuthMethod;
  /** The app's plugin hooks bound to this request's user (issue 9); absent without plugins. */
  hooks?: RecordHooks;
  /** The declared route answering this request (mount-routes); an /api answer without one is a bug. */
  route?: RouteDeclaration;
}

export type AppContext = Koa.ParameterizedContext<RequestState>;
export type AppMiddleware = Koa.Middleware<RequestState>;

declare module 'koa' {
  interface Request {
    /** The parsed JSON body of a write (read-json-body). */
    body?: unknown;
    /** Its exact text, for signature checks of public plugin routes. */
    rawBody?: string;
  }
}
