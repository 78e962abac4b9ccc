import type { ErrorDetail } from '../errors/http-error';
import { MIN_PASSWORD_LENGTH } from './password-hash';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ROLE = /^[a-z][a-z0-9_]{0,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// argon2 hashes any length; the cap only stops megabyte "passwords" from costing CPU.
const MAX_PASSWORD_LENGTH = 1024;

export const normalizeLogin = (value: string): string => value.trim().toLowerCase();

/** Field problems of a user's attributes; `partial` (a PATCH) checks only what is present. */
export function userInputProblems(body: Record<string, unknown>, partial: boolean): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const present = (key: string) => body[key] !== undefined;
  const add = (field: string, rule: string, message: string) => problems.push({ field, rule, message });
  if (!partial || present('username')) {
    if (typeof body.username !== 'string' || !USERNAME.test(normalizeLogin(body.username))) {
      add('username', 'pattern', 'a username is 2–63 letters, digits, ".", "_" or "-", starting with a letter or digit');
    }
  }
  if (!partial || present('password')) problems.push(...passwordProblems(body.password, 'password'));
  if (present('email') && body.email !== null && (typeof body.email !== 'string' || !EMAIL.test(body.email.trim()))) add('email', 'format', 'not a valid email address');
  if (present('displayName') && body.displayName !== null && (typeof body.displayName !== 'string' || body.displayName.length > 200)) add('displayName', 'type', 'a text of at most 200 characters');
  if (present('roles') && (!Array.isArray(body.roles) || !body.roles.every((r) => typeof r === 'string' && ROLE.test(r)))) add('roles', 'type', 'a list of role names (lower-case letters, digits, "_")');
  for (const key of ['departmentId', 'managerId']) {
    if (present(key) && body[key] !== null && (typeof body[key] !== 'string' || !UUID.test(body[key] as string))) add(key, 'format', 'an id (uuid) or null');
  }
  if (present('isActive') && typeof body.isActive !== 'boolean') add('isActive', 'type', 'true or false');
  return problems;
}

export function passwordProblems(password: unknown, field: string): ErrorDetail[] {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
    return [{ field, rule: 'minLength', message: `a password needs at least ${MIN_PASSWORD_LENGTH} characters` }];
  }
  if (password.length > MAX_PASSWORD_LENGTH) return [{ field, rule: 'maxLength', message: `a password has at most ${MAX_PASSWORD_LENGTH} characters` }];
  return [];
}

export const isUuid = (value: string): boolean => UUID.test(value);
