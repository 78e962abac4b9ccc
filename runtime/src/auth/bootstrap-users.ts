import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { createUserStore } from './create-user-store';
import { readSeedUsers, seedUsers } from './seed-users';

export interface BootstrapOptions {
  /** The first admin's password (`TESSERA_ADMIN_PASSWORD`); wins over demo users. */
  adminPassword?: string;
  /** The app folder; its `seed/users.json` (demo users) is used when there is no admin password. */
  appDir?: string;
}

export type BootstrapResult =
  | { kind: 'existing' }
  | { kind: 'admin'; username: string }
  | { kind: 'demo'; users: Array<{ username: string; password: string; roles: string[] }> }
  | { kind: 'none' };

/**
 * First start only (no user exists): the admin from the environment, else the example app's
 * demo users, else nobody (the start output says how to add an admin). Runs under the
 * bootstrap lock so two processes starting together create the users once.
 */
export async function bootstrapUsers(knex: Knex, opts: BootstrapOptions): Promise<BootstrapResult> {
  const seedFile = opts.appDir ? path.join(opts.appDir, 'seed', 'users.json') : undefined;
  return knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', ['tessera:bootstrap-users']);
    const store = createUserStore(trx);
    if ((await store.count()) > 0) return { kind: 'existing' } as const;
    if (opts.adminPassword) {
      await store.create({ username: 'admin', password: opts.adminPassword, displayName: 'Administrator', roles: ['admin'] }, trx);
      return { kind: 'admin', username: 'admin' } as const;
    }
    if (seedFile && existsSync(seedFile)) {
      const seed = await readSeedUsers(seedFile);
      await seedUsers(trx, seed);
      return { kind: 'demo', users: seed.users.map(({ username, password, roles }) => ({ username, password, roles })) } as const;
    }
    return { kind: 'none' } as const;
  });
}
