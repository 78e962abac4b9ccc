import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

// An expanded one-to-many holds at most 100 rows per parent (oldest first), in the same one
// query per relation path; a cut list is reported in Tessera-Expand-Truncated.
forEachDatabase('expanded arrays are capped per parent', (getCtx) => {
  let rt: TestRuntime;
  let big: string;
  let small: string;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl });
    big = (await rt.admin.call('POST', '/api/customers', { name: 'Big' })).body.data.id;
    small = (await rt.admin.call('POST', '/api/customers', { name: 'Small' })).body.data.id;
    const contacts = Array.from({ length: 103 }, (_, i) => ({ full_name: `Contact ${String(i).padStart(3, '0')}`, customer: big }));
    contacts.push({ full_name: 'Only one', customer: small });
    const res = await rt.admin.call('POST', '/api/contacts/bulk', { create: contacts });
    expect(res.status).toBe(200);
  });
  afterAll(() => rt?.close());

  it('returns the first 100 of a long list, keeps short lists whole, and says which path was cut', async () => {
    const statements: string[] = [];
    const listen = (q: { sql: string }) => statements.push(q.sql);
    rt.runtime.knex.on('query', listen);
    const res = await rt.admin.call('GET', '/api/customers?expand=contacts&sort=name&count=false');
    rt.runtime.knex.off('query', listen);
    expect(res.status).toBe(200);
    const [bigRecord, smallRecord] = res.body.data;
    expect(bigRecord.name).toBe('Big');
    expect(bigRecord.contacts).toHaveLength(100);
    // One bulk transaction: one created_at for all, so id breaks the tie — as in a sorted list.
    const all = await rt.admin.call('GET', `/api/contacts?filter[customer]=${big}&sort=created_at,id&limit=200&count=false`);
    expect(all.body.data).toHaveLength(103);
    expect(bigRecord.contacts.map((c: { id: string }) => c.id)).toEqual(all.body.data.slice(0, 100).map((c: { id: string }) => c.id));
    expect(bigRecord.contacts[0]).not.toHaveProperty('__rank');
    expect(smallRecord.contacts.map((c: { full_name: string }) => c.full_name)).toEqual(['Only one']);
    expect(res.headers.get('tessera-expand-truncated')).toBe('contacts');
    expect(statements.filter((sql) => /from "[^"]+"\."contact"|"contact"/.test(sql) && /row_number/.test(sql))).toHaveLength(1);
  });

  it('sends no header when nothing was cut', async () => {
    const res = await rt.admin.call('GET', `/api/customers/${small}?expand=contacts`);
    expect(res.body.data.contacts).toHaveLength(1);
    expect(res.headers.get('tessera-expand-truncated')).toBeNull();
  });
});
