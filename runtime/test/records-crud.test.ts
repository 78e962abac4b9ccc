import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { call, testApp } from './fixtures';

forEachDatabase('records CRUD', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  const full = {
    name: 'Acme',
    notes: 'Long\nnotes',
    employees: 120,
    revenue: 1234.5,
    founded: '1999-12-31',
    last_contact: '2024-05-06T07:08:09.123Z',
    active: true,
    tier: 'gold',
    email: 'sales@acme.example',
    phone: '+86 138-0013-8000',
    website: 'https://acme.example',
  };

  it('answers healthz', async () => {
    const res = await call(rt.url, 'GET', '/healthz');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('round-trips every built-in field type, identically on each driver', async () => {
    const created = await rt.admin.call('POST', '/api/customers', full);
    expect(created.status).toBe(201);
    const record = created.body.data;
    expect(record).toEqual({
      ...full,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updated_at: expect.any(String),
      created_by: rt.admin.user.id,
      owner: rt.admin.user.id,
      version: 1,
    });

    const read = await rt.admin.call('GET', `/api/customers/${record.id}`);
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual(record);
    // Reads take timestamps as text (API_READ_OPTIONS), writes as Dates: both must print alike.
    const listed = await rt.admin.call('GET', `/api/customers?filter[id]=${record.id}`);
    expect(listed.body.data).toEqual([record]);

    const contact = await rt.admin.call('POST', '/api/contacts', { full_name: 'Ann Lee', customer: record.id });
    expect(contact.status).toBe(201);
    expect(contact.body.data.customer).toBe(record.id);

    const patched = await rt.admin.call('PATCH', `/api/customers/${record.id}`, { employees: 121, tier: 'silver', notes: null });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ employees: 121, tier: 'silver', notes: null, name: 'Acme', version: 2 });
    expect(Date.parse(patched.body.data.updated_at)).toBeGreaterThanOrEqual(Date.parse(record.updated_at));

    const blocked = await rt.admin.call('DELETE', `/api/customers/${record.id}`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('conflict');

    expect((await rt.admin.call('DELETE', `/api/contacts/${contact.body.data.id}`)).status).toBe(204);
    expect((await rt.admin.call('DELETE', `/api/customers/${record.id}`)).status).toBe(204);
    const gone = await rt.admin.call('GET', `/api/customers/${record.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');
  });

  it('lists newest first with total, limit and offset', async () => {
    for (const name of ['One', 'Two', 'Three']) {
      expect((await rt.admin.call('POST', '/api/customers', { name })).status).toBe(201);
    }
    const page = await rt.admin.call('GET', '/api/customers?limit=2&offset=0');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.body.data.map((r: { name: string }) => r.name)).toEqual(['Three', 'Two']);
    const next = await rt.admin.call('GET', '/api/customers?limit=2&offset=2');
    expect(next.body.data.map((r: { name: string }) => r.name)).toEqual(['One']);
    const defaults = await rt.admin.call('GET', '/api/customers');
    expect(defaults.body).toMatchObject({ limit: 50, offset: 0, total: 3 });
  });

  it('serves the metadata, the field types and the OpenAPI document', async () => {
    const meta = await rt.admin.call('GET', '/api/_meta/app');
    expect(meta.status).toBe(200);
    expect(meta.body.version).toBe(1);
    expect(meta.body.app.name).toBe('crm_test');
    const types = await rt.admin.call('GET', '/api/_meta/field-types');
    expect(types.body.data).toEqual(expect.arrayContaining([{ name: 'text', label: expect.objectContaining({ en: 'Text' }), widget: 'text' }]));
    const openapi = await rt.admin.call('GET', '/api/openapi.json');
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toMatch(/^3\.1/);
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/customers']));
  });
});
