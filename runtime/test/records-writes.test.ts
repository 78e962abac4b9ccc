import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { testApp } from './fixtures';

/** The test app with a soft-delete `lead` entity beside the hard-delete customers. */
function appWithLeads(): AppDefinition {
  const lead: EntityDefinition = {
    type: 'object', 'x-name': 'lead', 'x-plural': 'leads', 'x-label': { en: 'Lead' }, 'x-soft-delete': true, required: ['name'],
    properties: { name: { 'x-id': 'l_name', 'x-type': 'text', 'x-label': { en: 'Name' }, maxLength: 50 } },
  };
  const app = testApp();
  return { ...app, entities: [...app.entities, lead] };
}

forEachDatabase('records writes: soft delete, bulk, idempotency', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: appWithLeads(), databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());
  const count = async (path: string) => (await rt.admin.call('GET', path)).body.data.length as number;

  describe('soft delete', () => {
    it('hides a deleted record from get, list, aggregate and PATCH; admins can see it and restore it', async () => {
      const { body } = await rt.admin.call('POST', '/api/leads', { name: 'Soft' });
      const id = body.data.id;
      expect(body.data.deleted_at).toBeNull();
      expect((await rt.admin.call('DELETE', `/api/leads/${id}`, undefined, { 'if-match': 'W/"1"' })).status).toBe(204);
      expect((await rt.admin.call('GET', `/api/leads/${id}`)).status).toBe(404);
      expect((await rt.admin.call('PATCH', `/api/leads/${id}`, { name: 'x' })).status).toBe(404);
      expect((await rt.admin.call('DELETE', `/api/leads/${id}`)).status).toBe(404);
      const listed = await rt.admin.call('GET', '/api/leads?filter[name]=Soft');
      expect(listed.body).toMatchObject({ data: [], total: 0 });
      expect((await rt.admin.call('GET', '/api/leads/aggregate?filter[name]=Soft')).body.data).toEqual([{ count: 0 }]);

      const only = await rt.admin.call('GET', '/api/leads?deleted=only');
      expect(only.body.data.map((r: { id: string }) => r.id)).toEqual([id]);
      expect(only.body.data[0]).toMatchObject({ version: 2, deleted_at: expect.stringMatching(/Z$/) });
      expect((await rt.admin.call('GET', `/api/leads/${id}?deleted=include`)).status).toBe(200);

      const restored = await rt.admin.call('POST', `/api/leads/${id}/restore`);
      expect(restored).toMatchObject({ status: 200, body: { data: { id, version: 3, deleted_at: null } } });
      expect(restored.headers.get('etag')).toBe('W/"3"');
      expect((await rt.admin.call('GET', `/api/leads/${id}`)).status).toBe(200);
      expect((await rt.admin.call('POST', `/api/leads/${id}/restore`)).body.error.code).toBe('not_found');
    });

    it('refuses deleted= to non-admins, on hard-delete entities, and with unknown values', async () => {
      await rt.createUser({ username: 'rep', password: 'rep-password-1', displayName: 'Rep', roles: ['sales_rep'] });
      const rep = await rt.login('rep', 'rep-password-1');
      expect((await rep.call('GET', '/api/leads?deleted=only')).body.error.code).toBe('forbidden');
      const bad = await rt.admin.call('GET', '/api/leads?deleted=yes');
      expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid_query', details: [{ parameter: 'deleted' }] } } });
      expect((await rt.admin.call('GET', '/api/customers?deleted=only')).status).toBe(400);
      expect((await rt.admin.call('POST', `/api/customers/${crypto.randomUUID()}/restore`)).status).toBe(404);
      expect((await rt.admin.call('GET', `/api/leads/${crypto.randomUUID()}/restore`)).status).toBe(405);
    });

    it('adds deleted_at to an existing table when a publish turns soft deletion on', async () => {
      const { body } = await rt.admin.call('GET', '/api/_meta/app');
      const app = structuredClone(body.app) as AppDefinition;
      app.entities = app.entities.map((e) => (e['x-name'] === 'contact' ? { ...e, 'x-soft-delete': true } : e));
      const published = await rt.admin.call('POST', '/api/_meta/publish', { app, baseVersion: body.version });
      expect(published.status).toBe(200);
      const contact = (await rt.admin.call('POST', '/api/contacts', { full_name: 'Ann' })).body.data;
      expect((await rt.admin.call('DELETE', `/api/contacts/${contact.id}`)).status).toBe(204);
      expect((await rt.admin.call('GET', `/api/contacts/${contact.id}?deleted=only`)).body.data.deleted_at).toEqual(expect.any(String));
    });
  });

  describe('bulk', () => {
    it('creates, updates and deletes in one transaction with a result per item', async () => {
      const [a, b] = await Promise.all(['A1', 'B1'].map(async (name) => (await rt.admin.call('POST', '/api/customers', { name })).body.data));
      const res = await rt.admin.call('POST', '/api/customers/bulk', {
        create: [{ name: 'Bulk 1' }, { name: 'Bulk 2', tier: 'gold' }],
        update: [{ id: a.id, version: 1, employees: 5 }],
        delete: [b.id],
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([
        { op: 'create', index: 0, status: 201, id: expect.any(String), data: expect.objectContaining({ name: 'Bulk 1' }) },
        { op: 'create', index: 1, status: 201, id: expect.any(String), data: expect.objectContaining({ tier: 'gold' }) },
        { op: 'update', index: 0, status: 200, id: a.id, data: expect.objectContaining({ employees: 5, version: 2 }) },
        { op: 'delete', index: 0, status: 204, id: b.id },
      ]);
      expect((await rt.admin.call('GET', `/api/customers/${b.id}`)).status).toBe(404);
    });

    it('writes nothing when any item fails validation, naming each failing item', async () => {
      const before = await count('/api/customers?limit=500');
      const res = await rt.admin.call('POST', '/api/customers/bulk', { create: [{ name: 'ok' }, { name: 'x'.repeat(101), colour: 'red' }, { employees: 1 }] });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('bulk_failed');
      expect(res.body.error.details).toEqual([
        expect.objectContaining({ op: 'create', index: 0, status: 424, error: expect.objectContaining({ code: 'not_applied' }) }),
        expect.objectContaining({ op: 'create', index: 1, status: 422, error: expect.objectContaining({ details: expect.arrayContaining([expect.objectContaining({ field: 'colour', rule: 'unknown-field' }), expect.objectContaining({ field: 'name', rule: 'maxLength' })]) }) }),
        expect.objectContaining({ op: 'create', index: 2, status: 422, error: expect.objectContaining({ details: [expect.objectContaining({ field: 'name', rule: 'required' })] }) }),
      ]);
      expect(await count('/api/customers?limit=500')).toBe(before);
    });

    it('rolls back earlier items when a later one fails in the database (missing, stale, read-only)', async () => {
      const a = (await rt.admin.call('POST', '/api/customers', { name: 'Stale' })).body.data;
      const before = await count('/api/customers?limit=500');
      const stale = await rt.admin.call('POST', '/api/customers/bulk', { create: [{ name: 'rolled back' }], update: [{ id: a.id, version: 7, name: 'no' }] });
      expect(stale.status).toBe(422);
      expect(stale.body.error.details[1]).toMatchObject({ op: 'update', index: 0, status: 412, id: a.id, error: { code: 'precondition_failed' } });
      const gone = await rt.admin.call('POST', '/api/customers/bulk', { delete: [crypto.randomUUID()] });
      expect(gone.body.error.details[0]).toMatchObject({ status: 404, error: { code: 'not_found' } });
      const readOnly = await rt.admin.call('POST', '/api/customers/bulk', { update: [{ id: a.id, owner: a.id }] });
      expect(readOnly.body.error.details[0].error.details).toEqual([expect.objectContaining({ field: 'owner', rule: 'read-only' })]);
      expect(await count('/api/customers?limit=500')).toBe(before);
      expect((await rt.admin.call('GET', `/api/customers/${a.id}`)).body.data).toMatchObject({ name: 'Stale', version: 1 });
    });

    it('refuses malformed bodies (422), more than 1,000 items (413) and other methods (405)', async () => {
      expect((await rt.admin.call('POST', '/api/customers/bulk', { create: {} })).body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'create', rule: 'type' }] });
      expect((await rt.admin.call('POST', '/api/customers/bulk', { upsert: [] })).body.error.details).toEqual([expect.objectContaining({ field: 'upsert', rule: 'unknown-field' })]);
      expect((await rt.admin.call('POST', '/api/customers/bulk', {})).status).toBe(422);
      expect((await rt.admin.call('POST', '/api/customers/bulk', { delete: ['nope', { id: crypto.randomUUID(), version: 0 }] })).body.error.details).toEqual([
        expect.objectContaining({ field: 'delete[0].id' }), expect.objectContaining({ field: 'delete[1].version' }),
      ]);
      const many = await rt.admin.call('POST', '/api/customers/bulk', { delete: Array.from({ length: 1001 }, () => crypto.randomUUID()) });
      expect(many).toMatchObject({ status: 413, body: { error: { code: 'too_many_items' } } });
      expect((await rt.admin.call('GET', '/api/customers/bulk')).status).toBe(405);
    });

    it('handles 1,000 creates in one request', async () => {
      const res = await rt.admin.call('POST', '/api/leads/bulk', { create: Array.from({ length: 1000 }, (_, i) => ({ name: `L${i}` })) });
      expect(res.status).toBe(200);
      expect(res.body.data).toHaveLength(1000);
    });
  });

  describe('idempotency keys', () => {
    it('replays the stored answer for a retried create, and refuses the key for another body', async () => {
      const key = { 'idempotency-key': `k-${crypto.randomUUID()}` };
      const first = await rt.admin.call('POST', '/api/customers', { name: 'Once' }, key);
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const again = await rt.admin.call('POST', '/api/customers', { name: 'Once' }, key);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect((await rt.admin.call('GET', '/api/customers?filter[name]=Once')).body.total).toBe(1);
      const other = await rt.admin.call('POST', '/api/customers', { name: 'Twice' }, key);
      expect(other).toMatchObject({ status: 422, body: { error: { code: 'idempotency_key_reused' } } });
      expect((await rt.admin.call('POST', '/api/customers', { name: 'x' }, { 'idempotency-key': 'has space' })).status).toBe(400);
    });

    it('lets concurrent duplicates create once and all get the same answer', async () => {
      const key = { 'idempotency-key': `c-${crypto.randomUUID()}` };
      const answers = await Promise.all(Array.from({ length: 5 }, () => rt.admin.call('POST', '/api/customers', { name: 'Concurrent' }, key)));
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(answers.map((a) => a.body.data.id)).size).toBe(1);
      expect((await rt.admin.call('GET', '/api/customers?filter[name]=Concurrent')).body.total).toBe(1);
    });

    it('stores nothing for a failed write, so it can be retried; covers bulk too', async () => {
      const key = { 'idempotency-key': `f-${crypto.randomUUID()}` };
      expect((await rt.admin.call('POST', '/api/customers/bulk', { create: [{ name: 'B' }], delete: [crypto.randomUUID()] }, key)).status).toBe(422);
      const ok = await rt.admin.call('POST', '/api/customers/bulk', { create: [{ name: 'B' }], delete: [crypto.randomUUID()] }, key);
      expect(ok.status).toBe(422);
      expect(ok.headers.get('idempotent-replayed')).toBeNull();
      const key2 = { 'idempotency-key': `b-${crypto.randomUUID()}` };
      const first = await rt.admin.call('POST', '/api/customers/bulk', { create: [{ name: 'BulkOnce' }] }, key2);
      const second = await rt.admin.call('POST', '/api/customers/bulk', { create: [{ name: 'BulkOnce' }] }, key2);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(second.body).toEqual(first.body);
    });

    it('forgets a key after 24 hours: the same key then starts a new request', async () => {
      const key = { 'idempotency-key': `e-${crypto.randomUUID()}` };
      const first = await rt.admin.call('POST', '/api/customers', { name: 'Expiring' }, key);
      await rt.runtime.knex.withSchema('tessera').table('idempotency_keys').where({ key: key['idempotency-key'] }).update({ created_at: rt.runtime.knex.raw("now() - interval '25 hours'") });
      const later = await rt.admin.call('POST', '/api/customers', { name: 'Expiring later' }, key);
      expect(later.status).toBe(201);
      expect(later.headers.get('idempotent-replayed')).toBeNull();
      expect(later.body.data.id).not.toBe(first.body.data.id);
      const replay = await rt.admin.call('POST', '/api/customers', { name: 'Expiring later' }, key);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body.data.id).toBe(later.body.data.id);
    });
  });
});
