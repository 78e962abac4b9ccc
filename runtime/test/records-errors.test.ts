import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

forEachDatabase('records: bad input', (getCtx) => {
  let rt: TestRuntime;
  let customerId: string;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl });
    customerId = (await rt.admin.call('POST', '/api/customers', { name: 'Acme' })).body.data.id;
  });
  afterAll(() => rt?.close());

  const detailsOf = (body: any) => body.error.details.map((d: any) => [d.field, d.rule]);

  it('malformed JSON → 400 saying the body is not valid JSON', async () => {
    const res = await rt.admin.call('POST', '/api/customers', '{"name": "Acme",');
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'invalid_json', message: expect.stringContaining('not valid JSON') });
  });

  it('a write that is not JSON → 415', async () => {
    const res = await rt.admin.call('POST', '/api/customers', 'name=Acme', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('a body over 1 MB → 413', async () => {
    const res = await rt.admin.call('POST', '/api/customers', { name: 'x'.repeat(1_100_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('unknown and read-only fields → 422 naming each', async () => {
    const res = await rt.admin.call('POST', '/api/customers', { name: 'A', colour: 'red', id: '00000000-0000-4000-8000-000000000000', version: 7 });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    const details = detailsOf(res.body);
    expect(details).toEqual(expect.arrayContaining([['colour', expect.any(String)], ['id', expect.any(String)], ['version', expect.any(String)]]));
    for (const d of res.body.error.details) expect(d).toEqual({ field: expect.any(String), rule: expect.any(String), message: expect.any(String) });
  });

  it('wrong types and formats, missing required → 422 per field', async () => {
    const res = await rt.admin.call('POST', '/api/customers', { employees: 'many', email: 'not-an-email', founded: '2024-13-45', tier: 'platinum' });
    expect(res.status).toBe(422);
    const fields = detailsOf(res.body).map(([field]: string[]) => field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'employees', 'email', 'founded', 'tier']));
    expect(detailsOf(res.body)).toEqual(expect.arrayContaining([['name', 'required']]));
  });

  it('PATCH validates in update mode: no required, still typed', async () => {
    const ok = await rt.admin.call('PATCH', `/api/customers/${customerId}`, { employees: 5 });
    expect(ok.status).toBe(200);
    const bad = await rt.admin.call('PATCH', `/api/customers/${customerId}`, { employees: -1, created_at: '2020-01-01T00:00:00Z' });
    expect(bad.status).toBe(422);
    expect(detailsOf(bad.body).map(([f]: string[]) => f)).toEqual(expect.arrayContaining(['employees', 'created_at']));
  });

  it('non-uuid id and unknown record → 404; unknown entity → 404', async () => {
    for (const path of ['/api/customers/not-a-uuid', "/api/customers/1' or '1'='1", '/api/customers/00000000-0000-4000-8000-000000000000']) {
      const res = await rt.admin.call('GET', path);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await rt.admin.call('PATCH', '/api/customers/nope', { name: 'x' })).status).toBe(404);
    expect((await rt.admin.call('DELETE', '/api/customers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const unknown = await rt.admin.call('GET', '/api/spaceships');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });

  it('a relation to a missing record → 422 naming the field', async () => {
    const res = await rt.admin.call('POST', '/api/contacts', { full_name: 'Ghost', customer: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ field: 'customer', rule: 'relation', message: expect.any(String) }]);
  });

  it('deleting a referenced record → 409, and the record stays', async () => {
    const contact = await rt.admin.call('POST', '/api/contacts', { full_name: 'Ann', customer: customerId });
    expect(contact.status).toBe(201);
    const res = await rt.admin.call('DELETE', `/api/customers/${customerId}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect((await rt.admin.call('GET', `/api/customers/${customerId}`)).status).toBe(200);
  });

  it('SQL-ish limit/offset → 400 naming the parameter; the table keeps its rows', async () => {
    const before = (await rt.admin.call('GET', '/api/customers')).body.total;
    for (const [query, name] of [
      ['limit=1;drop table app_crm_test.customer', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=1000', 'limit'],
      ["offset=0' or '1'='1", 'offset'],
      ['offset=-5', 'offset'],
    ]) {
      const res = await rt.admin.call('GET', `/api/customers?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(`"${name}"`);
    }
    const after = await rt.admin.call('GET', '/api/customers');
    expect(after.status).toBe(200);
    expect(after.body.total).toBe(before);
    expect(before).toBeGreaterThan(0);
  });

  it('never leaks a stack trace for a bad request', async () => {
    const res = await rt.admin.call('POST', '/api/customers', '[1,2');
    expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});
