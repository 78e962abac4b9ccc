import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { PRINCIPAL_CACHE_TTL_MS } from '../src/auth/principal-cache';
import { call, testApp } from './fixtures';

const afterTtl = () => new Promise((resolve) => setTimeout(resolve, PRINCIPAL_CACHE_TTL_MS + 200));

// Authenticated callers are cached for a few seconds; a revocation made behind the runtime's
// back (another process, plain SQL) must still lock the caller out once that time has passed.
forEachDatabase('auth: cached callers are refused within the TTL of a revocation', (getCtx) => {
  let rt: TestRuntime;
  let rep: SessionClient;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl });
    await rt.createUser({ username: 'rep', password: 'rep-password-1', roles: ['sales_rep'] });
    rep = await rt.login('rep', 'rep-password-1');
  });
  afterAll(() => rt?.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('documents a TTL of at most 5 seconds', () => {
    expect(PRINCIPAL_CACHE_TTL_MS).toBeGreaterThan(0);
    expect(PRINCIPAL_CACHE_TTL_MS).toBeLessThanOrEqual(5_000);
  });

  it('a token revoked in the database (not through this process) → 401 after the TTL', async () => {
    const created = (await rep.call('POST', '/api/auth/tokens', { name: 'cached', scopes: ['read'] })).body.data as { id: string; token: string };
    expect((await call(rt.url, 'GET', '/api/customers', undefined, bearer(created.token))).status).toBe(200); // now cached
    await rt.runtime.knex('tessera.api_tokens').where({ id: created.id }).update({ revoked_at: rt.runtime.knex.fn.now() });
    await afterTtl();
    const res = await call(rt.url, 'GET', '/api/customers', undefined, bearer(created.token));
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual(expect.objectContaining({ code: 'unauthenticated' }));
  });

  it('a session revoked in the database → 401 after the TTL', async () => {
    const session = await rt.login('rep', 'rep-password-1');
    expect((await session.call('GET', '/api/auth/me')).status).toBe(200);
    await rt.runtime.knex('tessera.sessions').where({ user_id: rep.user.id }).update({ revoked_at: rt.runtime.knex.fn.now() });
    await afterTtl();
    const res = await session.call('GET', '/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('a user deactivated in the database → 401 for their token after the TTL', async () => {
    await rt.createUser({ username: 'leaver', password: 'leaver-password-1', roles: ['sales_rep'] });
    const leaver = await rt.login('leaver', 'leaver-password-1');
    const { token } = (await leaver.call('POST', '/api/auth/tokens', { name: 'leaver', scopes: ['read'] })).body.data as { token: string };
    expect((await call(rt.url, 'GET', '/api/customers', undefined, bearer(token))).status).toBe(200);
    await rt.runtime.knex('tessera.users').where({ id: leaver.user.id }).update({ is_active: false });
    await afterTtl();
    expect((await call(rt.url, 'GET', '/api/customers', undefined, bearer(token))).status).toBe(401);
  });
});
