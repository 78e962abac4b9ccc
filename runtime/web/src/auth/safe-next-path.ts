/**
 * The `next` query parameter (where the designer sent the user to sign in), only when it is a
 * path on this site: `//evil.example` or `https://…` would make the login page an open redirect.
 */
export function safeNextPath(search: string): string | undefined {
  const next = new URLSearchParams(search).get('next');
  return next && /^\/(?![/\\])/.test(next) ? next : undefined;
}
