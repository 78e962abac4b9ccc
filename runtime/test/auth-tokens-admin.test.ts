import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { call, testApp } from './fixtures';

forEachDatabase('auth: API tokens and admin rights', (getCtx) => {
  let rt: TestRuntime;
  let rep: SessionClient;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl });
    await rt.createUser({ username: 'rep', password: 'rep-password-1', roles: ['sales_rep'] });
    rep = await rt.login('rep', 'rep-password-1');
  });
  afterAll(() => rt?.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const newToken = async (client: SessionClient, scopes: string[]) => {
    const res = await client.call('POST', '/api/auth/tokens', { name: `it ${scopes.join('+')}`, scopes });
    expect(res.status).toBe(201);
    return res.body.data as { id: string; token: string; scopes: string[] };
  };

  it('creates a token shown once (tsr_…), stored only as a hash, listed without it', async () => {
    const created = await newToken(rep, ['read']);
    expect(created.token).toMatch(/^tsr_[\w-]{40,}$/);
    const stored = (await rt.runtime.knex('tessera.api_tokens').where({ id: created.id }).first()) as { token_hash: string };
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.token);
    const list = await rep.call('GET', '/api/auth/tokens');
    expect(list.body.data).toEqual([expect.objectContaining({ id: created.id, scopes: ['read'], revokedAt: null })]);
    expect(list.text).not.toContain(created.token);
    expect(list.text).not.toContain(stored.token_hash);
  });

  it('a read token reads but cannot write (403), needs no CSRF header; a write token writes', async () => {
    const read = await newToken(rep, ['read']);
    expect((await call(rt.url, 'GET', '/api/customers', undefined, bearer(read.token))).status).toBe(200);
    const denied = await call(rt.url, 'POST', '/api/customers', { name: 'By read token' }, bearer(read.token));
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    const total = (await rep.call('GET', '/api/customers')).body.total;
    expect(total).toBe(0);
    const write = await newToken(rep, ['write']);
    const created = await call(rt.url, 'POST', '/api/customers', { name: 'By write token' }, bearer(write.token));
    expect(created.status).toBe(201);
    expect(created.body.data.owner).toBe(rep.user.id);
    // A token cannot mint tokens or change the password: those need a signed-in session.
    expect((await call(rt.url, 'POST', '/api/auth/tokens', { name: 'x', scopes: ['write'] }, bearer(write.token))).status).toBe(403);
  });

  it('a revoked, unknown or malformed token → 401', async () => {
    const token = await newToken(rep, ['write']);
    expect((await rep.call('DELETE', `/api/auth/tokens/${token.id}`)).status).toBe(204);
    const revoked = await call(rt.url, 'GET', '/api/customers', undefined, bearer(token.token));
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('unauthenticated');
    expect((await call(rt.url, 'GET', '/api/customers', undefined, bearer('tsr_madeup'))).status).toBe(401);
    expect((await call(rt.url, 'GET', '/api/customers', undefined, { authorization: 'Basic YWRtaW46YWRtaW4=' })).status).toBe(401);
    // Someone else's token id is not yours to revoke.
    const adminToken = await newToken(rt.admin, ['read']);
    expect((await rep.call('DELETE', `/api/auth/tokens/${adminToken.id}`)).status).toBe(404);
  });

  it('only admins publish metadata or use the admin API (403 forbidden otherwise)', async () => {
    const publish = await rep.call('POST', '/api/_meta/publish', { app: testApp(), baseVersion: 1 });
    expect(publish.status).toBe(403);
    expect(publish.body.error.code).toBe('forbidden');
    expect((await rep.call('GET', '/api/admin/users')).status).toBe(403);
    expect((await rep.call('POST', '/api/admin/users', { username: 'sneaky', password: 'sneaky-password', roles: ['admin'] })).status).toBe(403);
    expect((await rep.call('GET', '/api/_meta/app')).status).toBe(200);
    // An admin's write-scoped token is not an admin token; asking a non-admin for an admin scope is refused.
    const adminWrite = await newToken(rt.admin, ['write']);
    expect((await call(rt.url, 'GET', '/api/admin/users', undefined, bearer(adminWrite.token))).status).toBe(403);
    const adminScoped = await newToken(rt.admin, ['admin']);
    expect((await call(rt.url, 'GET', '/api/admin/users', undefined, bearer(adminScoped.token))).status).toBe(200);
    expect((await rep.call('POST', '/api/auth/tokens', { name: 'x', scopes: ['admin'] })).status).toBe(422);
  });

  it('admin API: departments tree, teams with members, users with roles, manager and department', async () => {
    const hq = await rt.admin.call('POST', '/api/admin/departments', { name: 'HQ' });
    expect(hq.status).toBe(201);
    const sales = await rt.admin.call('POST', '/api/admin/departments', { name: 'Sales', parentId: hq.body.data.id });
    expect(sales.body.data).toEqual({ id: expect.any(String), name: 'Sales', parentId: hq.body.data.id });
    const badParent = await rt.admin.call('POST', '/api/admin/departments', { name: 'Orphan', parentId: '00000000-0000-4000-8000-000000000000' });
    expect(badParent.status).toBe(422);
    expect(badParent.body.error.details).toEqual([expect.objectContaining({ field: 'parentId', rule: 'relation' })]);

    const boss = await rt.admin.call('POST', '/api/admin/users', { username: 'Boss', password: 'boss-password-1', roles: ['sales_manager'], departmentId: sales.body.data.id });
    expect(boss.status).toBe(201);
    expect(boss.body.data).toMatchObject({ username: 'boss', roles: ['sales_manager'], departmentId: sales.body.data.id, isActive: true });
    const dup = await rt.admin.call('POST', '/api/admin/users', { username: 'boss', password: 'boss-password-2' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details).toEqual([expect.objectContaining({ field: 'username', rule: 'unique' })]);
    const invalid = await rt.admin.call('POST', '/api/admin/users', { username: 'x y', password: 'short', roles: 'admin', password_hash: 'x' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['password_hash']);

    const team = await rt.admin.call('POST', '/api/admin/teams', { name: 'East', departmentId: sales.body.data.id });
    expect(team.status).toBe(201);
    const added = await rt.admin.call('POST', `/api/admin/teams/${team.body.data.id}/members`, { userId: rep.user.id });
    expect(added.body.data.members).toEqual([{ userId: rep.user.id, isLead: false }]);

    const patched = await rt.admin.call('PATCH', `/api/admin/users/${rep.user.id}`, { managerId: boss.body.data.id, roles: ['sales_rep', 'marketing'] });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ managerId: boss.body.data.id, roles: ['sales_rep', 'marketing'] });
    expect((await rt.admin.call('PATCH', `/api/admin/users/${rep.user.id}`, { username: 'renamed' })).status).toBe(422);
    expect((await rt.admin.call('PATCH', '/api/admin/users/not-a-uuid', { isActive: false })).status).toBe(404);
  });

  it('admin reset password and deactivation end the user’s sessions', async () => {
    const { id } = await rt.createUser({ username: 'leaver', password: 'leaver-password-1' });
    const session = await rt.login('leaver', 'leaver-password-1');
    expect((await rt.admin.call('PATCH', `/api/admin/users/${id}`, { password: 'reset-password-9' })).status).toBe(200);
    expect((await session.call('GET', '/api/auth/me')).status).toBe(401);
    const again = await rt.login('leaver', 'reset-password-9');
    expect((await rt.admin.call('PATCH', `/api/admin/users/${id}`, { isActive: false })).status).toBe(200);
    expect((await again.call('GET', '/api/auth/me')).status).toBe(401);
    const res = await call(rt.url, 'POST', '/api/auth/login', { username: 'leaver', password: 'reset-password-9' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_credentials');
  });
});
