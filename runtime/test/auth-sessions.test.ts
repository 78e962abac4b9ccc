import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { call, testApp } from './fixtures';

forEachDatabase('auth: sign-in and sessions', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl });
    await rt.createUser({ username: 'rep', password: 'rep-password-1', email: 'Rep@Example.com', roles: ['sales_rep'] });
  });
  afterAll(() => rt?.close());

  const login = (username: string, password: string) => call(rt.url, 'POST', '/api/auth/login', { username, password });
  const countCustomers = async () => Number((await rt.runtime.knex('app_crm_test.customer').count({ n: '*' }))[0].n);

  it('signs in with username or email: user, CSRF token and an HttpOnly SameSite cookie', async () => {
    const res = await login('rep', 'rep-password-1');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      user: { id: expect.any(String), username: 'rep', email: 'rep@example.com', displayName: 'rep', roles: ['sales_rep'] },
      csrfToken: expect.stringMatching(/^[\w-]{40,}$/),
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^tessera_session=[\w-]{40,};/);
    expect(cookie).toMatch(/; path=\//i);
    expect(cookie).toMatch(/; samesite=lax/i);
    expect(cookie).toMatch(/; httponly/i);
    expect(cookie).not.toMatch(/; secure/i); // plain http in tests; https gets Secure
    expect((await login('REP@example.com', 'rep-password-1')).status).toBe(200);
  });

  it('a wrong password and an unknown user get the same 401', async () => {
    const wrong = await login('rep', 'not-the-password');
    const unknown = await login('nobody-here', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('a login body without username or password → 400 naming them', async () => {
    const res = await call(rt.url, 'POST', '/api/auth/login', { username: 'rep' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['password']);
  });

  it('locks a username+address after 5 failures: 429 locked with Retry-After, even with the right password', async () => {
    await rt.createUser({ username: 'victim', password: 'victim-password-1' });
    for (let i = 0; i < 4; i++) expect((await login('victim', `wrong-${i}-password`)).status).toBe(401);
    const fifth = await login('victim', 'wrong-5-password');
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.code).toBe('locked');
    expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(800);
    const right = await login('victim', 'victim-password-1');
    expect(right.status).toBe(429);
    expect(right.headers.get('set-cookie')).toBeNull();
    // Unknown names lock the same way, so a lockout reveals nothing about who exists.
    for (let i = 0; i < 4; i++) await login('ghost-user', 'whatever-password');
    expect((await login('ghost-user', 'whatever-password')).status).toBe(429);
  });

  it('every /api route needs a signed-in caller (401 unauthenticated); healthz stays public', async () => {
    for (const [method, path] of [['GET', '/api/customers'], ['GET', '/api/_meta/app'], ['GET', '/api/openapi.json'], ['POST', '/api/customers'], ['GET', '/api/auth/me'], ['GET', '/api/admin/users'], ['GET', '/api/nothing']]) {
      const res = await call(rt.url, method, path, method === 'POST' ? { name: 'Anon' } : undefined);
      expect([method, path, res.status]).toEqual([method, path, 401]);
      expect(res.body.error.code).toBe('unauthenticated');
    }
    expect((await call(rt.url, 'GET', '/api/customers', undefined, { cookie: 'tessera_session=forged' })).status).toBe(401);
    expect((await call(rt.url, 'GET', '/healthz')).status).toBe(200);
  });

  it('me answers the user and the CSRF token; logout revokes the session server-side', async () => {
    const rep = await rt.login('rep', 'rep-password-1');
    const me = await rep.call('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.data).toEqual({ user: expect.objectContaining({ username: 'rep', roles: ['sales_rep'] }), csrfToken: rep.csrfToken });
    const out = await rep.call('POST', '/api/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/tessera_session=;.*expires=Thu, 01 Jan 1970/i);
    // The old cookie, replayed, no longer works: the session is revoked in the database.
    const replay = await rep.call('GET', '/api/auth/me');
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('unauthenticated');
  });

  it('cookie writes need X-CSRF-Token: missing or wrong → 403 csrf_failed and nothing written', async () => {
    const rep = await rt.login('rep', 'rep-password-1');
    const before = await countCustomers();
    const missing = await rep.call('POST', '/api/customers', { name: 'Forged' }, { 'x-csrf-token': '' });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('csrf_failed');
    const wrong = await rep.call('POST', '/api/customers', { name: 'Forged' }, { 'x-csrf-token': rt.admin.csrfToken });
    expect(wrong.status).toBe(403);
    const del = await rep.call('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'nope' });
    expect(del.status).toBe(403);
    expect(await countCustomers()).toBe(before);
    expect((await rep.call('GET', '/api/customers')).status).toBe(200); // reads need no header
    const ok = await rep.call('POST', '/api/customers', { name: 'Real' });
    expect(ok.status).toBe(201);
    expect(ok.body.data).toMatchObject({ created_by: rep.user.id, owner: rep.user.id });
  });

  it('password change: needs the current password and 10+ characters; ends the other sessions only', async () => {
    await rt.createUser({ username: 'changer', password: 'old-password-1' });
    const here = await rt.login('changer', 'old-password-1');
    const elsewhere = await rt.login('changer', 'old-password-1');
    const short = await here.call('POST', '/api/auth/password', { currentPassword: 'old-password-1', newPassword: 'short' });
    expect(short.status).toBe(422);
    expect(short.body.error.details).toEqual([expect.objectContaining({ field: 'newPassword', rule: 'minLength' })]);
    const wrongCurrent = await here.call('POST', '/api/auth/password', { currentPassword: 'not-it-at-all', newPassword: 'new-password-2' });
    expect(wrongCurrent.status).toBe(403);
    expect(wrongCurrent.body.error.code).toBe('invalid_credentials');
    expect((await here.call('POST', '/api/auth/password', { currentPassword: 'old-password-1', newPassword: 'new-password-2' })).status).toBe(204);
    expect((await here.call('GET', '/api/auth/me')).status).toBe(200);
    expect((await elsewhere.call('GET', '/api/auth/me')).status).toBe(401);
    expect((await login('changer', 'old-password-1')).status).toBe(401);
    expect((await login('changer', 'new-password-2')).status).toBe(200);
  });

  it('stores argon2id hashes only, and no answer ever carries one', async () => {
    const hashes = (await rt.runtime.knex('tessera.users').pluck('password_hash')) as string[];
    expect(hashes.length).toBeGreaterThan(1);
    for (const hash of hashes) expect(hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    const answers = [
      await login('rep', 'rep-password-1'),
      await rt.admin.call('GET', '/api/auth/me'),
      await rt.admin.call('GET', '/api/admin/users'),
      await rt.admin.call('POST', '/api/admin/users', { username: 'fresh', password: 'fresh-password-1', roles: ['service'] }),
    ];
    for (const res of answers) {
      expect(res.status).toBeLessThan(300);
      expect(res.text).not.toMatch(/argon2|password_hash|passwordHash/);
      for (const hash of hashes) expect(res.text).not.toContain(hash);
    }
  });
});
