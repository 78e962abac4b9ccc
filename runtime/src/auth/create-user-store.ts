import type { Knex } from 'knex';
import { pgErrorToHttpError } from '../db/pg-error-to-http-error';
import { validationFailed } from '../errors/http-error';
import type { AuthUser, UserRow } from './auth-types';
import { hashPassword } from './password-hash';
import { normalizeLogin, userInputProblems } from './validate-user-input';

export interface NewUser {
  username: string;
  password: string;
  email?: string | null;
  displayName?: string | null;
  roles?: string[];
  departmentId?: string | null;
  managerId?: string | null;
  isActive?: boolean;
}

export type UserPatch = Partial<Omit<NewUser, 'username'>>;

/** What the admin API shows of a user: everything but the hash and the lockout counters' internals. */
export interface AdminUserView extends AuthUser {
  isActive: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString());

export const rowToAuthUser = (row: UserRow): AuthUser => ({
  id: row.id,
  username: row.username,
  email: row.email,
  displayName: row.display_name,
  roles: row.roles ?? [],
  departmentId: row.department_id,
  managerId: row.manager_id,
});

export const rowToAdminView = (row: UserRow): AdminUserView => ({
  ...rowToAuthUser(row),
  isActive: row.is_active,
  lockedUntil: iso(row.locked_until),
  createdAt: iso(row.created_at)!,
  updatedAt: iso(row.updated_at)!,
});

const FIELD_OF: Record<string, string> = { display_name: 'displayName', department_id: 'departmentId', manager_id: 'managerId' };
const COLUMN_OF: Record<string, string> = { email: 'email', displayName: 'display_name', departmentId: 'department_id', managerId: 'manager_id' };

/** Users in `tessera.users`. Passwords go in as text and are stored only as argon2id hashes. */
export function createUserStore(knex: Knex) {
  const users = (db: Knex = knex) => db.withSchema('tessera').table<UserRow>('users');
  const write = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      throw pgErrorToHttpError(err, 'write', (column) => FIELD_OF[column] ?? column) ?? err;
    }
  };
  return {
    async count(): Promise<number> {
      const [{ count }] = await users().count({ count: '*' });
      return Number(count);
    },
    async findById(id: string): Promise<UserRow | undefined> {
      return (await users().where({ id }).first()) as UserRow | undefined;
    },
    /** By username or email, case-insensitively (both are stored lower-case). */
    async findByLogin(login: string): Promise<UserRow | undefined> {
      const key = normalizeLogin(login);
      return (await users().where({ username: key }).orWhere({ email: key }).orderBy('username').first()) as UserRow | undefined;
    },
    async list(): Promise<UserRow[]> {
      return (await users().select('*').orderBy('username')) as UserRow[];
    },
    async create(input: NewUser, db: Knex = knex): Promise<UserRow> {
      const problems = userInputProblems(input as unknown as Record<string, unknown>, false);
      if (problems.length) throw validationFailed(problems);
      const username = normalizeLogin(input.username);
      const [row] = await write(async () =>
        users(db)
          .insert({
            username,
            email: input.email ? normalizeLogin(input.email) : null,
            display_name: input.displayName || username,
            password_hash: await hashPassword(input.password),
            roles: input.roles ?? [],
            department_id: input.departmentId ?? null,
            manager_id: input.managerId ?? null,
            is_active: input.isActive ?? true,
          } as never)
          .returning('*'),
      );
      return row as UserRow;
    },
    /** `db`: a transaction, when the caller checks something (a manager loop) under the same lock. */
    async update(id: string, patch: UserPatch, db: Knex = knex): Promise<UserRow | undefined> {
      const problems = userInputProblems(patch as Record<string, unknown>, true);
      if (problems.length) throw validationFailed(problems);
      const changes: Record<string, unknown> = { updated_at: knex.fn.now() };
      for (const [key, column] of Object.entries(COLUMN_OF)) {
        const value = patch[key as keyof UserPatch];
        if (value !== undefined) changes[column] = key === 'email' && value ? normalizeLogin(String(value)) : value;
      }
      if (patch.roles !== undefined) changes.roles = patch.roles;
      if (patch.isActive !== undefined) changes.is_active = patch.isActive;
      if (patch.password !== undefined) {
        changes.password_hash = await hashPassword(patch.password);
        // A reset also lifts a lockout: the admin has vouched for the person.
        changes.failed_logins = 0;
        changes.locked_until = null;
      }
      const [row] = await write(() => users(db).where({ id }).update(changes as never).returning('*'));
      return row as UserRow | undefined;
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
