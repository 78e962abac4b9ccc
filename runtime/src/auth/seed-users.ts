import { readFile } from 'node:fs/promises';
import type { Knex } from 'knex';
import { createUserStore } from './create-user-store';

export interface SeedUsersFile {
  departments?: Array<{ key: string; name: string; parent?: string }>;
  teams?: Array<{ key: string; name: string; department?: string }>;
  users: Array<{
    username: string;
    password: string;
    displayName?: string;
    email?: string;
    roles: string[];
    department?: string;
    manager?: string;
    teams?: Array<{ team: string; lead?: boolean }>;
  }>;
}

export async function readSeedUsers(file: string): Promise<SeedUsersFile> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as SeedUsersFile;
  if (!parsed || !Array.isArray(parsed.users)) throw new Error(`${file}: expected { "users": [...] }`);
  return parsed;
}

/**
 * Creates the seed file's departments, teams and users in one transaction (all or nothing);
 * keys in the file name departments, teams and managers. Hashes each password with argon2id.
 */
export async function seedUsers(knex: Knex, seed: SeedUsersFile): Promise<void> {
  await knex.transaction(async (trx) => {
    const db = (table: string) => trx.withSchema('tessera').table(table);
    const need = (map: Map<string, string>, key: string | undefined, what: string) => {
      if (key === undefined) return null;
      const id = map.get(key);
      if (!id) throw new Error(`seed users: unknown ${what} "${key}"`);
      return id;
    };
    const departments = new Map<string, string>();
    for (const d of seed.departments ?? []) {
      const [row] = await db('departments').insert({ name: d.name, parent_id: need(departments, d.parent, 'department') }).returning('id');
      departments.set(d.key, row.id);
    }
    const teams = new Map<string, string>();
    for (const t of seed.teams ?? []) {
      const [row] = await db('teams').insert({ name: t.name, department_id: need(departments, t.department, 'department') }).returning('id');
      teams.set(t.key, row.id);
    }
    const users = new Map<string, string>();
    const store = createUserStore(trx);
    // Managers first wherever they appear in the file: a user may name a manager listed later.
    const ordered = [...seed.users].sort((a, b) => Number(Boolean(a.manager)) - Number(Boolean(b.manager)));
    for (const u of ordered) {
      const row = await store.create(
        { username: u.username, password: u.password, displayName: u.displayName, email: u.email, roles: u.roles, departmentId: need(departments, u.department, 'department') },
        trx,
      );
      users.set(u.username, row.id);
    }
    for (const u of seed.users) {
      if (u.manager) await db('users').where({ id: users.get(u.username) }).update({ manager_id: need(users, u.manager, 'manager') });
      for (const m of u.teams ?? []) await db('team_members').insert({ team_id: need(teams, m.team, 'team'), user_id: users.get(u.username), is_lead: m.lead ?? false });
    }
  });
}
