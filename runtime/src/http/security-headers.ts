import type { AppContext } from './http-types';

/**
 * Scripts only from our own origin (the bundles have no inline script), no framing by any
 * other page, no MIME sniffing, no referrer leaving the origin. Styles allow inline ones:
 * React and the chart library set style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // 'unsafe-eval': the form validator (ajv) compiles each schema to a function in the browser;
  // inline script stays forbidden, so injected markup still cannot run.
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function setSecurityHeaders(ctx: AppContext): void {
  ctx.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  ctx.set('X-Frame-Options', 'DENY');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Referrer-Policy', 'same-origin');
}
