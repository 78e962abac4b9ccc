import { HttpError, badRequest, notFound, validationFailed } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import type { AuthDeps } from './auth-deps';
import { TOKEN_SCOPES, type AuthUser, type TokenScope } from './auth-types';
import { forbidden } from './authorize';
import { LockedError, loginWithPassword } from './login-with-password';
import { verifyPassword } from './password-hash';
import { readJsonObject, unknownKeys } from './read-json-object';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { isUuid, passwordProblems } from './validate-user-input';

/** The user as `/api/auth/*` answers show it (never the hash). */
export const publicUser = (u: AuthUser) => ({ id: u.id, username: u.username, email: u.email, displayName: u.displayName, roles: u.roles });

/** Sign-in, sign-out, who-am-I, password change and the caller's API tokens. */
export function authRoutes(deps: AuthDeps): RouteDeclaration[] {
  return defineRoutes([
    { method: 'POST', path: '/api/auth/login', action: 'public', caller: 'optional', summary: 'Sign in with a username (or email) and password', handler: (ctx) => login(ctx, deps) },
    {
      method: 'POST', path: '/api/auth/logout', action: 'public', caller: 'optional', summary: 'Sign out (ends this session)',
      async handler(ctx) {
        if (ctx.state.auth?.kind === 'session') await deps.sessions.revoke(ctx.state.auth.sessionId);
        clearSessionCookie(ctx);
        ctx.status = 204;
      },
    },
    {
      method: 'GET', path: '/api/auth/me', action: 'signed-in', summary: 'The signed-in user and the CSRF token of the session',
      handler(ctx) {
        ctx.body = { data: { user: publicUser(ctx.state.user!), csrfToken: ctx.state.auth?.kind === 'session' ? ctx.state.auth.csrfToken : null } };
      },
    },
    { method: 'POST', path: '/api/auth/password', action: 'signed-in', token: 'session', summary: 'Change your password', handler: (ctx) => changePassword(ctx, deps) },
    {
      method: 'GET', path: '/api/auth/tokens', action: 'signed-in', token: 'session', summary: 'Your API tokens',
      async handler(ctx) {
        ctx.body = { data: await deps.tokens.listOf(ctx.state.user!.id) };
      },
    },
    { method: 'POST', path: '/api/auth/tokens', action: 'signed-in', token: 'session', summary: 'Create an API token (shown once)', handler: (ctx) => createToken(ctx, deps) },
    {
      method: 'DELETE', path: '/api/auth/tokens/:id', action: 'signed-in', token: 'session', summary: 'Revoke one of your API tokens',
      async handler(ctx, { params }) {
        const tokenId = params.id;
        if (!isUuid(tokenId) || !(await deps.tokens.revoke(ctx.state.user!.id, tokenId.toLowerCase()))) throw notFound(`You have no API token with id "${tokenId}"`);
        ctx.status = 204;
      },
    },
  ]);
}

async function login(ctx: AppContext, deps: AuthDeps): Promise<void> {
  const body = readJsonObject(ctx);
  const problems = ['username', 'password']
    .filter((key) => typeof body[key] !== 'string' || (body[key] as string).length === 0 || (body[key] as string).length > 1024)
    .map((field) => ({ field, rule: 'required', message: 'required (a non-empty text)' }));
  if (problems.length) throw badRequest(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  let user;
  try {
    user = await loginWithPassword(deps.knex, deps.users, body.username as string, body.password as string, ctx.ip);
  } catch (err) {
    if (err instanceof LockedError) ctx.set('Retry-After', String(err.retryAfter));
    throw err;
  }
  // A sign-in replaces whatever session this browser had (no session fixation).
  if (ctx.state.auth?.kind === 'session') await deps.sessions.revoke(ctx.state.auth.sessionId);
  const session = await deps.sessions.start(user.id);
  setSessionCookie(ctx, session.token, session.expiresAt);
  ctx.body = { data: { user: { id: user.id, username: user.username, email: user.email, displayName: user.display_name, roles: user.roles }, csrfToken: session.csrfToken } };
}

/** Needs the current password; other sessions end (a stolen cookie stops working), this one stays. */
async function changePassword(ctx: AppContext, deps: AuthDeps): Promise<void> {
  const auth = ctx.state.auth!;
  if (auth.kind !== 'session') throw forbidden('Change a password from a signed-in session, not with an API token');
  const body = readJsonObject(ctx);
  const problems = [...unknownKeys(body, ['currentPassword', 'newPassword']), ...passwordProblems(body.newPassword, 'newPassword')];
  if (typeof body.currentPassword !== 'string') problems.push({ field: 'currentPassword', rule: 'required', message: 'the current password is required' });
  if (problems.length) throw validationFailed(problems);
  const row = await deps.users.findById(ctx.state.user!.id);
  if (!row || !(await verifyPassword(row.password_hash, body.currentPassword as string))) {
    // 403, not 401: the caller is signed in; only the confirmation failed.
    throw new HttpError(403, 'invalid_credentials', 'The current password is incorrect');
  }
  await deps.users.update(row.id, { password: body.newPassword as string });
  await deps.sessions.revokeAllOf(row.id, auth.sessionId);
  ctx.status = 204;
}

async function createToken(ctx: AppContext, deps: AuthDeps): Promise<void> {
  // A token must not mint tokens: a leaked read token could otherwise become a write token.
  if (ctx.state.auth!.kind !== 'session') throw forbidden('API tokens are created from a signed-in session');
  const body = readJsonObject(ctx);
  const problems = unknownKeys(body, ['name', 'scopes']);
  if (typeof body.name !== 'string' || !body.name.trim() || body.name.length > 100) problems.push({ field: 'name', rule: 'required', message: 'a name of 1–100 characters' });
  const scopes = body.scopes;
  if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((s) => (TOKEN_SCOPES as readonly unknown[]).includes(s))) {
    problems.push({ field: 'scopes', rule: 'enum', message: `a non-empty list of ${TOKEN_SCOPES.join(', ')}` });
  } else if (scopes.includes('admin') && !ctx.state.user!.roles.includes('admin')) {
    problems.push({ field: 'scopes', rule: 'forbidden', message: 'only admins may create admin-scoped tokens' });
  }
  if (problems.length) throw validationFailed(problems);
  const { token, view } = await deps.tokens.create(ctx.state.user!.id, (body.name as string).trim(), [...new Set(scopes as TokenScope[])]);
  ctx.status = 201;
  ctx.body = { data: { ...view, token } };
}
