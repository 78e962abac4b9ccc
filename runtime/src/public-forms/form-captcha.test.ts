import { randomBytes } from 'node:crypto';
import { CAPTCHA_TTL_MS, challengeAnswered, newChallenge } from './form-captcha';

describe('form captcha', () => {
  const key = randomBytes(32);

  it('accepts the right answer and refuses a wrong one, another form, another key or an expired question', () => {
    const now = 1_000_000;
    const c = newChallenge(key, 'contact-us', now);
    const right = String(c.a + c.b);
    expect(challengeAnswered(key, 'contact-us', c.token, right, now)).toBe(true);
    expect(challengeAnswered(key, 'contact-us', c.token, ` ${right} `, now)).toBe(true);
    expect(challengeAnswered(key, 'contact-us', c.token, String(c.a + c.b + 1), now)).toBe(false);
    expect(challengeAnswered(key, 'other-form', c.token, right, now)).toBe(false);
    expect(challengeAnswered(randomBytes(32), 'contact-us', c.token, right, now)).toBe(false);
    expect(challengeAnswered(key, 'contact-us', c.token, right, now + CAPTCHA_TTL_MS + 1)).toBe(false);
  });

  it.each([[undefined, '3'], ['x', '3'], ['1.abc', '3'], [null, null], ['9999999999999.sig', 'abc']])('refuses a malformed token or answer (%p, %p)', (token, answer) => {
    expect(challengeAnswered(key, 'contact-us', token, answer)).toBe(false);
  });
});
