/**
 * The session's CSRF token (from the login answer or `/api/auth/me`) and who to tell when the
 * server says the session is gone. Module state: one page has one session.
 */
let csrfToken: string | null = null;
const signedOutListeners = new Set<() => void>();

export const getCsrfToken = (): string | null => csrfToken;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export function notifySignedOut(): void {
  csrfToken = null;
  for (const listener of signedOutListeners) listener();
}
