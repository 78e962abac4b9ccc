// Spawned by migrate-kill.test.ts: starts an apply whose transaction ends in a long sleep,
// so the parent can SIGKILL this process while the DDL is done but not committed.
import { readFileSync } from 'node:fs';
import { serverBuiltinFieldTypes, } from '@tessera/engine/server';
import { createFieldTypeRegistry } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import { createDatabase } from '../src/db/create-database';
import { hashApp } from '../src/meta/hash-app';
import { applyMigration } from '../src/migrate/apply-migration';

async function main() {
  const [url, appFile] = process.argv.slice(2);
  const app = JSON.parse(readFileSync(appFile, 'utf8')) as AppDefinition;
  const knex = createDatabase({ url });
  await applyMigration({
    knex, registry: createFieldTypeRegistry(serverBuiltinFieldTypes), app, source: 'designer', hash: hashApp(app), appliedBy: 'kill-test',
    choices: { confirmDestructive: true },
    // The server notices the dead client within 100 ms instead of after the sleep (PostgreSQL 14+).
    run: { afterSteps: 'set local client_connection_check_interval = 100; select pg_sleep(120)' },
  });
  process.stdout.write('COMMITTED\n');
  await knex.destroy();
}
void main();
