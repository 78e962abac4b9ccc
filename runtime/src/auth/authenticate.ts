import { HttpError } from '../errors/http-error';
import type { AppContext, AppMiddleware } from '../http/http-types';
import type { AuthDeps } from './auth-deps';
import { rowToAuthUser } from './create-user-store';
import { API_TOKEN_PREFIX, safeEqual } from './secret-token';
import { SESSION_COOKIE } from './session-cookie';

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const unauthenticated = (message = 'Sign in first (a session cookie or an API token is required)') => new HttpError(401, 'unauthenticated', message);

/**
 * Works out who is calling (a bearer API token, else the session cookie) and puts the user on
 * `ctx.state.user`. A route declares whether it needs a caller (`required`, 401 without one)
 * or only wants to know one (signing in and out, which must work with an expired session). Cookie-authenticated
 * writes must echo the session's CSRF token in `X-CSRF-Token`: a cross-site page can make the
 * browser send the cookie, but it cannot read the token to send the header.
 *
 * Resolved callers are cached for PRINCIPAL_CACHE_TTL_MS (see principal-cache): any write to
 * /api/auth/* or /api/admin/* (sign-out, token revocation, password, roles, deactivation,
 * org changes) clears the cache before its answer is sent, so such changes made through this
 * process apply to the very next request; changes made elsewhere apply within the TTL.
 */
export function authenticate(deps: AuthDeps, opts: { required: boolean } = { required: true }): AppMiddleware {
  return async (ctx, next) => {
    if (!ctx.state.user) await identify(ctx, deps);
    if (opts.required && !ctx.state.user) throw unauthenticated();
    const auth = ctx.state.auth;
    if (auth?.kind === 'session' && !SAFE_METHODS.has(ctx.method)) {
      const sent = ctx.get('x-csrf-token');
      if (!sent || !safeEqual(sent, auth.csrfToken)) {
        throw new HttpError(403, 'csrf_failed', 'The X-CSRF-Token header is missing or does not match this session; reload the page');
      }
    }
    const changesPrincipals = !SAFE_METHODS.has(ctx.method) && (ctx.path.startsWith('/api/auth/') || ctx.path.startsWith('/api/admin/'));
    try {
      await next();
    } finally {
      if (changesPrincipals) deps.principals.clear();
    }
  };
}

async function identify(ctx: AppContext, deps: AuthDeps): Promise<void> {
  const header = ctx.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match || !match[1].startsWith(API_TOKEN_PREFIX)) throw unauthenticated('The Authorization header must be "Bearer tsr_…"');
    // Keyed by the token itself: a hash per request cost more than the lookup it guards, and
    // the token is in this process's memory for the request anyway; entries live ≤ the TTL.
    const key = `t:${match[1]}`;
    let principal = deps.principals.get(key);
    if (!principal) {
      const token = await deps.tokens.findLive(match[1]);
      const row = token?.user;
      if (!token || !row || !row.is_active) throw unauthenticated('The API token is invalid or has been revoked');
      principal = { user: rowToAuthUser(row), auth: { kind: 'token', tokenId: token.id, scopes: token.scopes } };
      deps.principals.set(key, principal);
    }
    ctx.state.user = principal.user;
    ctx.state.auth = principal.auth;
    return;
  }
  const cookie = ctx.cookies.get(SESSION_COOKIE);
  if (!cookie) return;
  const key = `s:${cookie}`;
  let principal = deps.principals.get(key);
  if (!principal) {
    const found = await deps.sessions.findLiveWithUser(cookie);
    if (!found || !found.user.is_active) return; // a stale cookie is the same as none
    principal = { user: rowToAuthUser(found.user), auth: { kind: 'session', sessionId: found.session.id, csrfToken: found.session.csrf_token } };
    deps.principals.set(key, principal, new Date(found.session.expires_at).getTime());
  }
  ctx.state.user = principal.user;
  ctx.state.auth = principal.auth;
}
