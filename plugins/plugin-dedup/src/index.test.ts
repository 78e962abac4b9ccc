import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import dedupPlugin from './index';
import { app } from './testing/test-app';

const CHECK = '/api/plugins/@tessera/plugin-dedup/check';
const MERGE = '/api/plugins/@tessera/plugin-dedup/merge';

forEachDatabase('@tessera/plugin-dedup', (getCtx) => {
  let rt: TestRuntime;
  let rep: SessionClient;
  let acme: string;
  beforeAll(async () => {
    rt = await createTestRuntime({ app, plugins: [dedupPlugin], databaseUrl: getCtx().databaseUrl });
    const enabled = await rt.admin.call('POST', '/api/_meta/plugins/@tessera/plugin-dedup/enable', {
      settings: { entities: { customer: { fields: ['name', 'phone', 'email'], children: [{ entity: 'contact', field: 'customer' }] } } },
    });
    expect(enabled.status).toBe(200);
    await rt.createUser({ username: 'rep', password: 'rep-password-1', roles: ['sales_rep'] });
    rep = await rt.login('rep', 'rep-password-1');
    const created = await rt.admin.call('POST', '/api/customers', { name: '北京星辰科技有限公司', phone: '13800001234', email: 'sales@acme.com' });
    expect(created.status).toBe(201);
    acme = created.body.data.id;
  });
  afterAll(() => rt?.close());

  it('rejects the same phone, email or normalized name with 422 naming the original', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ name: 'Other', phone: '13800001234' }, 'phone'],
      [{ name: 'Other', email: 'SALES@acme.com' }, 'email'],
      [{ name: ' 北京星辰科技股份有限公司 ' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await rt.admin.call('POST', '/api/customers', body);
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'rejected_by_plugin', message: `Rejected by plugin "@tessera/plugin-dedup": Possible duplicate of ${acme} (same ${field})` });
      expect(res.body.error.details[0]).toMatchObject({ field, plugin: '@tessera/plugin-dedup' });
    }
  });

  it('matches company names across case, full-width letters and Co., Ltd./Inc.', async () => {
    const first = await rt.admin.call('POST', '/api/customers', { name: 'Globex Inc.' });
    expect(first.status).toBe(201);
    for (const name of ['GLOBEX Co., Ltd.', 'Ｇｌｏｂｅｘ', 'globex']) {
      const res = await rt.admin.call('POST', '/api/customers', { name });
      expect(res.status).toBe(422);
      expect(res.body.error.message).toContain(`Possible duplicate of ${first.body.data.id} (same name)`);
    }
    expect((await rt.admin.call('POST', '/api/customers', { name: 'Globex Labs' })).status).toBe(201);
  });

  it('cannot see duplicates outside the user\'s scope (by design) and stops them inside it', async () => {
    const own = await rep.call('POST', '/api/customers', { name: 'Initech', phone: '13800001234' });
    expect(own.status).toBe(201); // the admin's customer with that phone is not the rep's to see
    const again = await rep.call('POST', '/api/customers', { name: 'Initech Inc.' });
    expect(again.status).toBe(422);
    expect(again.body.error.message).toContain(own.body.data.id);
  });

  it('lists candidates for the UI with the fields that matched', async () => {
    const res = await rt.admin.call('GET', `${CHECK}?entity=customer&name=${encodeURIComponent('北京星辰科技')}&phone=13800001234`);
    expect(res.status).toBe(200);
    const hit = res.body.data.find((d: { id: string }) => d.id === acme);
    expect(hit).toMatchObject({ matches: ['name', 'phone'], record: { name: '北京星辰科技有限公司' } });
    const none = await rt.admin.call('GET', `${CHECK}?entity=customer&email=nobody@x.org`);
    expect(none.body.data).toEqual([]);
    const except = await rt.admin.call('GET', `${CHECK}?entity=customer&email=sales@acme.com&except=${acme}`);
    expect(except.body.data).toEqual([]);
  });

  it('answers bad check requests with the error envelope', async () => {
    for (const [path, field] of [[`${CHECK}?name=x`, 'entity'], [`${CHECK}?entity=contact&name=x`, 'entity'], [`${CHECK}?entity=customer`, 'name']]) {
      const res = await rt.admin.call('GET', path);
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', details: [{ field }] });
    }
    expect((await rt.admin.call('GET', `${CHECK}?entity=nope&name=x`)).status).toBe(422);
  });

  it('merges: children move to keep, remove is deleted', async () => {
    const keep = (await rt.admin.call('POST', '/api/customers', { name: 'Umbrella' })).body.data.id;
    const remove = (await rt.admin.call('POST', '/api/customers', { name: 'Umbrella Corp Europe' })).body.data.id;
    for (const full_name of ['Alice', 'Bob']) expect((await rt.admin.call('POST', '/api/contacts', { full_name, customer: remove })).status).toBe(201);
    const res = await rt.admin.call('POST', MERGE, { entity: 'customer', keep, remove });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ keep, removed: remove, moved: { contact: 2 } });
    const contacts = await rt.admin.call('GET', `/api/contacts?filter[customer][eq]=${keep}`);
    expect(contacts.body.data.map((c: { full_name: string }) => c.full_name).sort()).toEqual(['Alice', 'Bob']);
    expect((await rt.admin.call('GET', `/api/customers/${remove}`)).status).toBe(404);
  });

  it('refuses bad merges: 422 for bad input, 404 for unknown records, 403 without a merge role', async () => {
    const bad: [unknown, string][] = [
      [{ keep: acme, remove: 'x' }, 'entity'],
      [{ entity: 'customer', remove: acme }, 'keep'],
      [{ entity: 'customer', keep: acme, remove: acme }, 'remove'],
      [{ entity: 'customer', keep: acme, remove: 'not an id!' }, 'remove'],
    ];
    for (const [body, field] of bad) {
      const res = await rt.admin.call('POST', MERGE, body);
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', details: [{ field }] });
    }
    const missing = await rt.admin.call('POST', MERGE, { entity: 'customer', keep: acme, remove: '00000000-0000-0000-0000-000000000000' });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'not_found', details: [{ field: 'remove' }] });
    // Any other id: the role check comes first. (Flipping the last digit, not setting it, so the
    // two ids never coincide — that would be a 422 for merging a record into itself.)
    const other = acme.slice(0, -1) + (acme.endsWith('0') ? '1' : '0');
    const forbidden = await rep.call('POST', MERGE, { entity: 'customer', keep: acme, remove: other });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
  });

  it('checks updates that change a compared field, and leaves other edits alone', async () => {
    const other = (await rt.admin.call('POST', '/api/customers', { name: 'Hooli', phone: '13900009999' })).body.data.id;
    const clash = await rt.admin.call('PATCH', `/api/customers/${other}`, { email: 'Sales@ACME.com' });
    expect(clash.status).toBe(422);
    expect(clash.body.error).toMatchObject({ code: 'rejected_by_plugin', message: expect.stringContaining(`Possible duplicate of ${acme} (same email)`), details: [{ field: 'email' }] });
    const renamed = await rt.admin.call('PATCH', `/api/customers/${other}`, { name: '北京星辰科技' });
    expect(renamed.status).toBe(422);
    expect(renamed.body.error.details[0].field).toBe('name');
    // Its own values, unchanged or re-sent, are never "a duplicate of itself".
    expect((await rt.admin.call('PATCH', `/api/customers/${other}`, { name: 'Hooli', email: 'x@hooli.com' })).status).toBe(200);
  });

  it('checks an import batch against stored records and against earlier rows', async () => {
    const res = await rt.admin.call('POST', `${CHECK}-batch`, { entity: 'customer', records: [
      { name: 'Fresh Co' }, { name: 'Stark Industries', email: 'tony@stark.com' }, { name: 'Other', email: 'TONY@stark.com ' }, { name: 'x', email: 'sales@acme.com' },
    ] });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { row: 2, stored: [], inBatch: [{ row: 1, matches: ['email'] }] },
      { row: 3, stored: [expect.objectContaining({ id: acme, matches: ['email'] })], inBatch: [] },
    ]);
    const bad = await rt.admin.call('POST', `${CHECK}-batch`, { entity: 'customer', records: 'nope' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe('records');
  });

  it('does nothing once disabled', async () => {
    await rt.admin.call('POST', '/api/_meta/plugins/@tessera/plugin-dedup/disable');
    expect((await rt.admin.call('POST', '/api/customers', { name: 'Other', phone: '13800001234' })).status).toBe(201);
    expect((await rt.admin.call('GET', `${CHECK}?entity=customer&name=x`)).status).toBe(404);
  });
});
