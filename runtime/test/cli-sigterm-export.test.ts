/**
 * Graceful shutdown as an operator meets it (issue 22): `tessera start` receives SIGTERM while a
 * client is downloading a large export. The client still receives the whole file, the process
 * accepts no new connection meanwhile, and it exits 0 once the export is done.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { createSessionClient, waitFor } from '@tessera/runtime';
import { withDatabase } from '../src/testing/for-each-database';
import { startTesseraProcess } from './start-process';

const SERVER_URL = process.env.TEST_DATABASE_URL;
const describeWithServer = SERVER_URL ? describe : describe.skip;
const ROWS = 30_000;
const PASSWORD = 'sigterm-admin-password';

describeWithServer(`SIGTERM during an export${SERVER_URL ? '' : ' (skipped: TEST_DATABASE_URL is unset)'}`, () => {
  const dbName = `tessera_sigterm_${randomBytes(4).toString('hex')}`;
  let admin: Knex;
  let app: Knex;
  let child: ChildProcess;
  let url = '';
  beforeAll(async () => {
    admin = knexFactory({ client: 'pg', connection: SERVER_URL!, pool: { min: 0, max: 1 } });
    await admin.raw('create database ??', [dbName]);
    ({ child, url } = await startTesseraProcess(withDatabase(SERVER_URL!, dbName), { TESSERA_WORKERS: '1', TESSERA_ADMIN_PASSWORD: PASSWORD }));
    app = knexFactory({ client: 'pg', connection: withDatabase(SERVER_URL!, dbName), pool: { min: 0, max: 1 } });
    const { id: adminId } = await app('tessera.users').where({ username: 'admin' }).first('id');
    await app.raw(
      `insert into app_crm.customer (id, version, name, phone, owner, created_by, industry, level, region)
       select gen_random_uuid(), 1, 'Shutdown customer ' || lpad(i::text, 6, '0'), '0571-' || lpad(i::text, 8, '0'), ?::uuid, ?::uuid, 'manufacturing', 'B', 'east'
       from generate_series(1, ?) as i`,
      [adminId, adminId, ROWS],
    );
  }, 180_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    await app?.destroy();
    await admin.raw('drop database if exists ?? with (force)', [dbName]);
    await admin.destroy();
  });

  it('delivers the whole file to the client, refuses new connections, then exits 0', async () => {
    const session = await createSessionClient(url, 'admin', PASSWORD);
    const res = await fetch(`${url}/api/customers/export?format=csv&fields=name&sort=name`, { headers: { cookie: session.cookie } });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const chunks: Uint8Array[] = [];
    const first = await reader.read();
    chunks.push(first.value!);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    // While the export drains, the listener is closed: a new connection is refused.
    await waitFor('the listener to close', async () => ((await fetch(`${url}/healthz`, { headers: { connection: 'close' } }).then(() => false, () => true)) ? true : undefined), 20_000);
    for (let part = await reader.read(); !part.done; part = await reader.read()) chunks.push(part.value);
    const lines = Buffer.concat(chunks).subarray(3).toString('utf8').trim().split('\n');
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[1]).toMatch(/^Shutdown customer 000001,/);
    expect(lines[ROWS]).toMatch(new RegExp(`^Shutdown customer ${String(ROWS).padStart(6, '0')},`));
    expect(await exited).toBe(0);
  });
});
