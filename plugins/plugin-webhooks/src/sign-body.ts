import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex>` of the exact bytes sent: the same header the runtime's workflow webhooks send. */
export const signBody = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Constant-time check of an `X-Tessera-Signature` header, so the comparison leaks no prefix. */
export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
