/**
 * Upgrading a database made by an earlier release (issue 22): boot the current runtime on the
 * checked-in 0.1.0 database and find Tessera's own schema migrated and recorded, users able to
 * sign in with their passwords, and every record intact.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import knexFactory from 'knex';
import { createTestRuntime, type TestRuntime } from '@tessera/runtime';
import { INTERNAL_MIGRATIONS } from '../../src/db/internal-migrations';

const serverUrl = process.env.TEST_DATABASE_URL;
const exampleDir = path.resolve(__dirname, '../../../examples/crm');
const withDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

// A pg_dump restores on PostgreSQL only (PGlite cannot take a dump's session settings and COPY-free
// multi-statement script through knex); CI sets TEST_DATABASE_URL, so CI always runs it.
(serverUrl ? describe : describe.skip)('upgrade from release 0.1.0 [postgres]', () => {
  const name = `tessera_upgrade_${randomBytes(6).toString('hex')}`;
  const admin = () => knexFactory({ client: 'pg', connection: serverUrl!, pool: { min: 0, max: 1 } });
  let rt: TestRuntime | undefined;

  beforeAll(async () => {
    const db = admin();
    await db.raw('create database ??', [name]).finally(() => db.destroy());
    // One connection, thrown away after: the dump changes its session's search_path.
    const restore = knexFactory({ client: 'pg', connection: withDatabase(serverUrl!, name), pool: { min: 0, max: 1 } });
    await restore.raw(readFileSync(path.join(__dirname, 'tessera-0.1.0.sql'), 'utf8')).finally(() => restore.destroy());
  }, 180_000);
  afterAll(async () => {
    await rt?.close();
    const db = admin();
    await db.raw('drop database if exists ?? with (force)', [name]).finally(() => db.destroy());
  });

  it('records the baseline, adds what came later, and keeps users and records', async () => {
    rt = await createTestRuntime({ appDir: exampleDir, databaseUrl: withDatabase(serverUrl!, name), demoUsers: true });
    const applied = (await rt.runtime.knex('tessera.internal_migrations').orderBy('name').select('name')).map((r) => r.name);
    expect(applied).toEqual(INTERNAL_MIGRATIONS.map((m) => m.name).sort());
    expect((await rt.runtime.knex.raw("select to_regclass('tessera.autonumber_counters') is not null as ok")).rows[0].ok).toBe(true);
    // The example's files have changed since the fixture (permissions, approvals): the start publishes them as a new version over the old one.
    expect(rt.runtime.version()).toBeGreaterThanOrEqual(1);
    expect((await rt.runtime.knex('tessera.metadata_versions').min('version as v').first())?.v).toBe(1);

    const sales1 = await rt.login('sales1', 'sales1-demo-123');
    const customers = (await sales1.call('GET', '/api/customers?sort=name')).body.data as { id: string; name: string }[];
    expect(customers.map((c) => c.name)).toEqual(['Fixture Trading Ltd', '升级测试有限公司']);
    const contacts = await sales1.call('GET', `/api/contacts?filter[customer]=${customers[1].id}`);
    expect(contacts.body.data).toEqual([expect.objectContaining({ name: 'Upgrade Contact', phone: '13800000001' })]);
    expect((await sales1.call('POST', '/api/customers', { name: 'After Upgrade Co', industry: 'retail', level: 'C', region: 'east' })).status).toBe(201);
  });

  it('applies nothing the second time', async () => {
    await rt!.close();
    rt = await createTestRuntime({ appDir: exampleDir, databaseUrl: withDatabase(serverUrl!, name), demoUsers: true });
    const rows = await rt.runtime.knex('tessera.internal_migrations').select('name', 'applied_at');
    expect(rows).toHaveLength(INTERNAL_MIGRATIONS.length);
    expect(new Set(rows.map((r) => String(r.applied_at))).size).toBeLessThanOrEqual(1);
  });
});
