/**
 * Regressions of the route-by-route permission probe (issue 15), each on a route that used to
 * re-state its own check: transitions (grant, scope, answer through the field filter), the
 * workflow read, relation ids the writer cannot see, token revocation by a read token, and the
 * security headers and proxy trust. The generated matrix (examples/crm) covers every route;
 * these pin each finding with its exact answer.
 */
import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, httpCall, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { workflowApp } from './workflow-fixtures';

/** Reps own their customers; `secret` is hidden from them; only `boss` may read or transition everything. */
function app(): AppDefinition {
  const base = workflowApp();
  const customer = base.entities[0];
  customer.properties.secret = { 'x-id': 'f_secret', 'x-type': 'text', 'x-label': { en: 'Secret' } };
  const contact = {
    type: 'object' as const,
    'x-name': 'contact',
    'x-plural': 'contacts',
    'x-label': { en: 'Contact' },
    required: ['name'],
    properties: {
      name: { 'x-id': 'f_cname', 'x-type': 'text', 'x-label': { en: 'Name' } },
      customer: { 'x-id': 'f_ccust', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
    },
  };
  return {
    ...base,
    entities: [customer, contact as never],
    permissions: {
      roles: {
        rep: { label: { en: 'Rep', zh: '销售' }, entities: { customer: { actions: ['read', 'create', 'update', 'transition'], scope: 'own', fields: { secret: 'hidden' } }, contact: { actions: ['read', 'create'], scope: 'own' } } },
        viewer: { label: { en: 'Viewer', zh: '查看' }, entities: { customer: { actions: ['read'], scope: 'all' } } },
      },
    },
  } as AppDefinition;
}

forEachDatabase('authorization findings', (getCtx) => {
  let rt: TestRuntime;
  let rep1: SessionClient;
  let rep2: SessionClient;
  let viewer: SessionClient;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: app(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    for (const name of ['rep1', 'rep2']) await rt.createUser({ username: name, password: `${name}-password-1`, roles: ['rep'] });
    await rt.createUser({ username: 'viewer', password: 'viewer-password-1', roles: ['viewer'] });
    rep1 = await rt.login('rep1', 'rep1-password-1');
    rep2 = await rt.login('rep2', 'rep2-password-1');
    viewer = await rt.login('viewer', 'viewer-password-1');
  });
  afterAll(() => rt?.close());

  const customerOf = async (client: SessionClient, name: string) => (await client.call('POST', '/api/customers', { name })).body.data.id as string;

  it('a transition needs the record in the caller scope and the transition grant, and answers without hidden fields', async () => {
    const mine = await customerOf(rep1, 'Mine Ltd');
    await rt.admin.call('PATCH', `/api/customers/${mine}`, { secret: 'the margin' });
    const theirs = await customerOf(rep2, 'Theirs Ltd');
    expect((await rep1.call('POST', `/api/customers/${theirs}/transitions/ACTIVATE`, {})).status).toBe(404);
    expect((await viewer.call('POST', `/api/customers/${mine}/transitions/ACTIVATE`, {})).status).toBe(403);
    const done = await rep1.call('POST', `/api/customers/${mine}/transitions/ACTIVATE`, {});
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({ id: mine, stage: 'active' });
    expect(done.body.data).not.toHaveProperty('secret');
    // Nothing moved on the record the caller may not touch.
    expect((await rt.admin.call('GET', `/api/customers/${theirs}`)).body.data.stage).toBe('prospect');
  });

  it('the workflow read is scoped like the record, and offers no transitions without the grant', async () => {
    const theirs = await customerOf(rep2, 'Scoped Workflow Ltd');
    expect((await rep1.call('GET', `/api/customers/${theirs}/workflow`)).status).toBe(404);
    const seen = await viewer.call('GET', `/api/customers/${theirs}/workflow`);
    expect(seen.status).toBe(200);
    expect(seen.body.data.transitions).toEqual([]);
    expect((await rep2.call('GET', `/api/customers/${theirs}/workflow`)).body.data.transitions.length).toBeGreaterThan(0);
  });

  it('a relation may only point at a record the writer can read: missing and unreadable get the same 422', async () => {
    const theirs = await customerOf(rep2, 'Hidden Parent Ltd');
    const unreadable = await rep1.call('POST', '/api/contacts', { name: 'Li', customer: theirs });
    const missing = await rep1.call('POST', '/api/contacts', { name: 'Li', customer: '00000000-0000-4000-8000-000000000000' });
    expect(unreadable.status).toBe(422);
    expect(missing.status).toBe(422);
    expect(unreadable.body.error).toEqual(missing.body.error);
    expect(unreadable.body.error.details).toEqual([{ field: 'customer', rule: 'relation', message: 'the referenced record does not exist' }]);
    expect((await rep1.call('POST', '/api/contacts', { name: 'Li', customer: await customerOf(rep1, 'Own Parent Ltd') })).status).toBe(201);
    const bulk = await rep1.call('POST', '/api/contacts/bulk', { create: [{ name: 'Wu', customer: theirs }] });
    expect(bulk.status).toBe(422);
  });

  it('an API token with the read scope cannot revoke tokens; a session can', async () => {
    const created = (await rep1.call('POST', '/api/auth/tokens', { name: 'reader', scopes: ['read'] })).body.data;
    const asToken = await httpCall(rt.url, 'DELETE', `/api/auth/tokens/${created.id}`, undefined, { authorization: `Bearer ${created.token}` });
    expect(asToken.status).toBe(403);
    expect((await httpCall(rt.url, 'GET', '/api/auth/me', undefined, { authorization: `Bearer ${created.token}` })).status).toBe(200);
    expect((await rep1.call('DELETE', `/api/auth/tokens/${created.id}`)).status).toBe(204);
  });

  it('answers an undeclared method with 405 and Allow', async () => {
    const res = await rep1.call('PUT', '/api/customers');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST');
    expect(res.body.error.code).toBe('method_not_allowed');
  });
});

describe('behind a TLS-terminating proxy (TESSERA_TRUST_PROXY)', () => {
  it('marks the session cookie Secure only when the proxy is trusted', async () => {
    for (const trustProxy of [true, false]) {
      const rt = await createTestRuntime({ app: app(), trustProxy });
      try {
        const res = await httpCall(rt.url, 'POST', '/api/auth/login', { username: 'admin', password: rt.adminPassword }, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' });
        expect(res.status).toBe(200);
        expect(/;\s*secure/i.test(res.headers.get('set-cookie') ?? '')).toBe(trustProxy);
      } finally {
        await rt.close();
      }
    }
  });
});
