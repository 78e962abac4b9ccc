import type { AppContext } from '../http/http-types';

export const SESSION_COOKIE = 'tessera_session';

/**
 * HttpOnly (scripts cannot read it), SameSite=Lax (not sent on cross-site writes), Path=/,
 * Secure whenever the request came over https.
 */
export function setSessionCookie(ctx: AppContext, token: string, expires: Date): void {
  ctx.cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: ctx.secure, expires, overwrite: true });
}

export function clearSessionCookie(ctx: AppContext): void {
  ctx.cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', secure: ctx.secure, expires: new Date(0), overwrite: true });
}
