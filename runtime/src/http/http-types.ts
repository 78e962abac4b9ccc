import type Koa from 'koa';
import type { AuthMethod, AuthUser } from '../auth/auth-types';

/** What middleware puts on `ctx.state` for the rest of the request. */
export interface RequestState {
  requestId: string;
  /** The caller, set by `authenticate`; always present on /api routes past it (except sign-in). */
  user?: AuthUser;
  /** How the caller signed in: a session (CSRF-checked writes) or an API token (scopes). */
  auth?: AuthMethod;
}

export type AppContext = Koa.ParameterizedContext<RequestState>;
export type AppMiddleware = Koa.Middleware<RequestState>;
