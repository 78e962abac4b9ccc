import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import dedupPlugin from './index';
import { app } from './testing/test-app';

/**
 * Issue 23: the plugin's `updateFields` are the compared fields, so an update that changes none
 * of them skips its hook and keeps the runtime's one-statement write; an update of a compared
 * field is still checked.
 */
forEachDatabase('@tessera/plugin-dedup update fields', (getCtx) => {
  let rt: TestRuntime;
  const sql: string[] = [];
  beforeAll(async () => {
    rt = await createTestRuntime({ app, plugins: [dedupPlugin], databaseUrl: getCtx().databaseUrl });
    expect((await rt.admin.call('POST', '/api/_meta/plugins/@tessera/plugin-dedup/enable', { settings: { entities: { customer: { fields: ['name'] } } } })).status).toBe(200);
    rt.runtime.knex.on('query', (q: { sql: string }) => sql.push(q.sql));
  });
  afterAll(() => rt?.close());

  it('writes an update of a field it does not compare in one statement, and still checks the name', async () => {
    const first = await rt.admin.call('POST', '/api/customers', { name: 'Update Fields One' });
    const second = await rt.admin.call('POST', '/api/customers', { name: 'Update Fields Two' });
    expect([first.status, second.status]).toEqual([201, 201]);
    sql.length = 0;
    const phone = await rt.admin.call('PATCH', `/api/customers/${second.body.data.id}`, { phone: '13800000001' });
    expect(phone.status).toBe(200);
    expect(sql.filter((s) => !/plugin_state/.test(s))).toHaveLength(1);
    expect(sql.find((s) => /^update /.test(s))).toBeDefined();
    sql.length = 0;
    const renamed = await rt.admin.call('PATCH', `/api/customers/${second.body.data.id}`, { name: 'Update Fields One' });
    expect(renamed.status).toBe(422);
    expect(renamed.body.error.message).toMatch(/same name/);
    expect(sql.length).toBeGreaterThan(1);
    expect((await rt.admin.call('GET', `/api/customers/${second.body.data.id}`)).body.data).toMatchObject({ name: 'Update Fields Two', phone: '13800000001' });
  });
});
