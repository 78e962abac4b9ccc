/**
 * Bad input gets a clear error and loses nothing (issue 16): hostile bodies and query strings
 * are refused before validation with the status that fits, and record values that no stored
 * text may hold are a 422 naming the field — never a 500, never silently changed.
 */
import { createTestRuntime, forEachDatabase, httpCall, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

forEachDatabase('input robustness over HTTP', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
  });
  afterAll(() => rt?.close());

  const raw = (path: string, body: Blob | string, method = 'POST') =>
    fetch(rt.url + path, { method, body, headers: { 'content-type': 'application/json', cookie: rt.admin.cookie, 'x-csrf-token': rt.admin.csrfToken } });
  const count = async () => (await rt.admin.call('GET', '/api/customers?count=true&limit=1')).body.meta?.total ?? (await rt.admin.call('GET', '/api/customers')).body.data.length;

  it('refuses a body nested 10,000 levels deep with 400, not a crash', async () => {
    const before = await count();
    const deep = `{"name":"Deep","notes":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const res = await raw('/api/customers', deep);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'too_deep' });
    expect(await count()).toBe(before);
  });

  it('refuses bytes that are not UTF-8 with 400 instead of storing U+FFFD', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"Caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const res = await raw('/api/customers', new Blob([new Uint8Array(bytes)]));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'invalid_encoding', message: 'The request body is not valid UTF-8 text' });
    expect((await rt.admin.call('GET', '/api/customers?q=%FF')).status).toBe(400);
  });

  it('names the field holding a NUL or a lone surrogate (422), in records and at sign-in', async () => {
    const nul = await rt.admin.call('POST', '/api/customers', { name: 'Acme\u0000Ltd' });
    expect(nul.status).toBe(422);
    expect(nul.body.error.details).toEqual([expect.objectContaining({ field: 'name', rule: 'control-character' })]);
    const surrogate = await rt.admin.call('POST', '/api/customers', { name: 'Acme \uD800' });
    expect(surrogate.status).toBe(422);
    expect(surrogate.body.error.details).toEqual([expect.objectContaining({ field: 'name', rule: 'unicode' })]);
    const login = await httpCall(rt.url, 'POST', '/api/auth/login', { username: 'ad\u0000min', password: 'x' });
    expect(login.status).toBe(422);
    expect(login.body.error.details).toEqual([expect.objectContaining({ field: 'username' })]);
  });

  it('accepts exact two-decimal amounts and names the field of one out of range', async () => {
    const ok = await rt.admin.call('POST', '/api/customers', { name: 'Exact Ltd', revenue: 1234567.89 });
    expect(ok.status).toBe(201);
    expect(ok.body.data.revenue).toBe(1234567.89);
    const huge = await rt.admin.call('POST', '/api/customers', { name: 'Huge Ltd', revenue: 1e20 });
    expect(huge.status).toBe(422);
    expect(huge.body.error.details).toEqual([expect.objectContaining({ field: 'revenue' })]);
    const cents = await rt.admin.call('POST', '/api/customers', { name: 'Cents Ltd', revenue: 10.005 });
    expect(cents.status).toBe(422);
    expect(cents.body.error.details).toEqual([expect.objectContaining({ field: 'revenue', rule: 'scale' })]);
  });

  it('takes required as present and non-empty, on create and on update', async () => {
    const empty = await rt.admin.call('POST', '/api/customers', { name: '  ' });
    expect(empty.status).toBe(422);
    expect(empty.body.error.details).toEqual([expect.objectContaining({ field: 'name', rule: 'required' })]);
    const id = (await rt.admin.call('POST', '/api/customers', { name: 'Kept Ltd' })).body.data.id;
    const cleared = await rt.admin.call('PATCH', `/api/customers/${id}`, { name: null });
    expect(cleared.status).toBe(422);
    expect(cleared.body.error.details).toEqual([expect.objectContaining({ field: 'name', rule: 'required' })]);
    expect((await rt.admin.call('GET', `/api/customers/${id}`)).body.data.name).toBe('Kept Ltd');
  });

  it('keeps links to http, https, mailto and tel', async () => {
    const bad = await rt.admin.call('POST', '/api/customers', { name: 'Link Ltd', website: 'javascript:alert(1)' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'website', rule: 'scheme' })]);
    expect((await rt.admin.call('POST', '/api/customers', { name: 'Link Ltd', website: 'https://example.com' })).status).toBe(201);
  });
});
