import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import type { ErrorDetail } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Sharing with whole roles is publishing a view of the business: administrators, and roles
 * granted `export` on the entity (who may already take its records out), may do it (ADR 0049).
 * Any owner may share with named colleagues: each runs the report with their own scope.
 */
export function mayShareWithRoles(state: AppState, entity: CompiledEntity, user: AuthUser): boolean {
  if (user.roles.includes('admin')) return true;
  try {
    recordAccess(user, state, entity, 'export');
    return true;
  } catch {
    return false;
  }
}

/**
 * `sharedWith: { roles: [...], users: [...] }`, checked: roles of the app, active users, the right
 * to share with roles. `field` names the part of the body in errors (a schedule's `recipients`
 * are checked by the same rules, ADR 0054); `self` keeps the user among the users (one may send
 * a report to oneself, sharing with oneself means nothing).
 */
export async function checkSharing(knex: Knex, state: AppState, entity: CompiledEntity | undefined, user: AuthUser, raw: unknown, errors: ErrorDetail[], { field = 'sharedWith', self = false } = {}): Promise<{ roles: string[]; users: string[] } | undefined> {
  if (raw === undefined || raw === null) return { roles: [], users: [] };
  const roles = isObject(raw) ? (raw.roles ?? []) : undefined;
  const users = isObject(raw) ? (raw.users ?? []) : undefined;
  const before = errors.length;
  if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) errors.push({ field: `${field}.roles`, rule: 'type', message: 'must be a list of roles' });
  if (!Array.isArray(users) || !users.every((u) => typeof u === 'string' && UUID.test(u))) errors.push({ field: `${field}.users`, rule: 'type', message: 'must be a list of users' });
  if (errors.length > before) return undefined;
  const roleList = [...new Set(roles as string[])];
  const userList = [...new Set((users as string[]).map((u) => u.toLowerCase()))].filter((u) => self || u !== user.id);
  const known = new Set(['admin', ...Object.keys(state.app.permissions?.roles ?? {})]);
  const unknown = roleList.filter((r) => !known.has(r));
  if (unknown.length) errors.push({ field: `${field}.roles`, rule: 'enum', message: `names roles the app does not have: ${unknown.join(', ')}` });
  if (roleList.length && entity && !mayShareWithRoles(state, entity, user)) {
    errors.push({ field: `${field}.roles`, rule: 'forbidden', message: 'only administrators and those who may export these records may share a report with a whole role' });
  }
  if (userList.length > 200) errors.push({ field: `${field}.users`, rule: 'limit', message: 'may name at most 200 people' });
  else if (userList.length) {
    const found = new Set((await knex('tessera.users').whereIn('id', userList).andWhere('is_active', true).select('id')).map((r: { id: string }) => r.id));
    if (userList.some((u) => !found.has(u))) errors.push({ field: `${field}.users`, rule: 'enum', message: 'names someone who is not an active user' });
  }
  return errors.length > before ? undefined : { roles: roleList, users: userList };
}
