import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe. */
export const randomSecret = (): string => randomBytes(32).toString('base64url');

/**
 * Session and API tokens are random 256-bit values, so a plain SHA-256 is enough to store
 * them: there is nothing to brute-force, and the lookup stays one indexed equality.
 */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const API_TOKEN_PREFIX = 'tsr_';
export const newApiToken = (): string => API_TOKEN_PREFIX + randomSecret();
