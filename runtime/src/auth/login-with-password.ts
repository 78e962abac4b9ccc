import type { Knex } from 'knex';
import { HttpError } from '../errors/http-error';
import type { UserRow } from './auth-types';
import type { UserStore } from './create-user-store';
import { createLoginThrottle, LOCK_MS, MAX_FAILURES_PER_ACCOUNT, secondsUntil } from './login-throttle';
import { burnVerifyTime, verifyPassword } from './password-hash';
import { normalizeLogin } from './validate-user-input';

/** 429 `locked`; the route turns `retryAfter` into the Retry-After header. */
export class LockedError extends HttpError {
  constructor(readonly retryAfter: number) {
    super(429, 'locked', `Too many failed sign-ins; try again in ${Math.ceil(retryAfter / 60)} minute(s)`);
  }
}

// One message for a wrong password, an unknown user and a deactivated account: the answer
// must not tell an attacker which usernames exist.
export const invalidCredentials = () => new HttpError(401, 'invalid_credentials', 'The username or password is incorrect');

/** Checks a username-or-email and password, with throttling per (login, address) and per account. */
export async function loginWithPassword(knex: Knex, users: UserStore, login: string, password: string, ip: string): Promise<UserRow> {
  const key = normalizeLogin(login);
  const throttle = createLoginThrottle(knex);
  const wait = await throttle.retryAfter(key, ip);
  if (wait > 0) throw new LockedError(wait);

  const user = await users.findByLogin(key);
  const accountWait = secondsUntil(user?.locked_until ?? null);
  if (user && accountWait > 0) throw new LockedError(accountWait);

  const ok = user ? await verifyPassword(user.password_hash, password) : (await burnVerifyTime(password), false);
  if (!ok || !user || !user.is_active) {
    await throttle.recordFailure(key, ip);
    if (user) {
      await knex.raw(
        `update tessera.users set failed_logins = failed_logins + 1,
           locked_until = case when failed_logins + 1 >= ? then now() + (? * interval '1 millisecond') else locked_until end
         where id = ?`,
        [MAX_FAILURES_PER_ACCOUNT, LOCK_MS, user.id],
      );
    }
    const nowLocked = await throttle.retryAfter(key, ip);
    if (nowLocked > 0) throw new LockedError(nowLocked);
    throw invalidCredentials();
  }
  await throttle.reset(key, ip);
  if (user.failed_logins > 0 || user.locked_until) {
    await knex.withSchema('tessera').table('users').where({ id: user.id }).update({ failed_logins: 0, locked_until: null });
  }
  return user;
}
