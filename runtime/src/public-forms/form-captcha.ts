import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** How long a question stays answerable: long enough to fill in a form, short enough to stop replays piling up. */
export const CAPTCHA_TTL_MS = 30 * 60 * 1000;

export interface Challenge {
  a: number;
  b: number;
  /** `expires.signature`: carried by the form, checked on submit. */
  token: string;
}

const sign = (key: Buffer, slug: string, answer: number, expires: number) => createHmac('sha256', key).update(`${slug}\n${answer}\n${expires}`).digest('base64url');

/** A small sum, signed with its answer and expiry for this form: no server state per question. */
export function newChallenge(key: Buffer, slug: string, now = Date.now()): Challenge {
  const a = randomInt(1, 10);
  const b = randomInt(1, 10);
  const expires = now + CAPTCHA_TTL_MS;
  return { a, b, token: `${expires}.${sign(key, slug, a + b, expires)}` };
}

/** True when `answer` is the signed question's answer and the question has not expired. */
export function challengeAnswered(key: Buffer, slug: string, token: unknown, answer: unknown, now = Date.now()): boolean {
  if (typeof token !== 'string' || typeof answer !== 'string' || !/^\d{1,3}$/.test(answer.trim())) return false;
  const [expiresText, signature] = token.split('.');
  const expires = Number(expiresText);
  if (!Number.isSafeInteger(expires) || expires < now || !signature) return false;
  const expected = Buffer.from(sign(key, slug, Number(answer.trim()), expires));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
