import { HttpError } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import type { TokenScope } from './auth-types';

const SCOPE_RANK: Record<TokenScope, number> = { read: 0, write: 1, admin: 2 };

export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);

/** Whether the request may do what `need` names: an admin role for `admin`, and a token scope at least as high. */
export function requireAccess(ctx: AppContext, need: TokenScope): void {
  const { user, auth } = ctx.state;
  if (!user || !auth) throw new HttpError(401, 'unauthenticated', 'Sign in first');
  if (need === 'admin' && !user.roles.includes('admin')) throw forbidden('This needs the admin role');
  if (auth.kind === 'token' && !auth.scopes.some((s) => SCOPE_RANK[s] >= SCOPE_RANK[need])) {
    throw forbidden(`This API token lacks the "${need}" scope`);
  }
}
