import { readConfig } from '../config/read-config';
import { applyInternalMigrations } from '../db/internal-migrations';
import { createSessionStore } from '../auth/create-session-store';
import { createUserStore } from '../auth/create-user-store';
import { createDatabase } from '../db/create-database';
import { isHttpError } from '../errors/http-error';
import type { CliIo } from './cli-types';
import { promptPassword, readPasswordFromStdin } from './read-password';

export interface UserCommandOptions {
  roles: string[];
  email?: string;
  name?: string;
  passwordStdin: boolean;
}

/**
 * `tessera user add <username> --role r…` and `tessera user passwd <username>`, straight
 * against the database (`DATABASE_URL`, else the PGlite folder): the way in when nobody can
 * sign in. The password comes from stdin or a hidden prompt, never from the command line,
 * where it would sit in the shell history and the process list.
 */
export async function userCommand(action: string | undefined, username: string | undefined, opts: UserCommandOptions, io: CliIo): Promise<number> {
  if ((action !== 'add' && action !== 'passwd') || !username) {
    io.err('Usage: tessera user add <username> --role <role> [--role …] [--email e] [--name "Full Name"] [--password-stdin]\n       tessera user passwd <username> [--password-stdin]');
    return 1;
  }
  const password = opts.passwordStdin ? await readPasswordFromStdin() : await promptPassword(`Password for ${username}: `);
  const knex = createDatabase({ url: readConfig().DATABASE_URL, dataDir: readConfig().TESSERA_DATA_DIR });
  try {
    await applyInternalMigrations(knex);
    const users = createUserStore(knex);
    if (action === 'add') {
      const row = await users.create({ username, password, roles: opts.roles, email: opts.email, displayName: opts.name });
      io.result?.({ id: row.id, username: row.username, roles: row.roles });
      io.out(`Added user ${row.username} (${row.roles.join(', ') || 'no roles'}), id ${row.id}`);
      return 0;
    }
    const existing = await users.findByLogin(username);
    if (!existing) {
      io.err(`tessera user passwd: no user "${username}"`);
      return 1;
    }
    await users.update(existing.id, { password });
    await createSessionStore(knex).revokeAllOf(existing.id);
    io.result?.({ id: existing.id, username: existing.username, sessionsRevoked: true });
    io.out(`Changed the password of ${existing.username}; their sessions were signed out`);
    return 0;
  } catch (err) {
    if (!isHttpError(err)) throw err;
    const details = (err.details ?? []) as Array<{ field: string; message: string }>;
    io.err(`tessera user ${action}: ${details.length ? details.map((d) => `${d.field}: ${d.message}`).join('; ') : err.message}`);
    return 1;
  } finally {
    await knex.destroy();
  }
}
