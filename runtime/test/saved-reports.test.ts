/**
 * Saved reports (issue 21): owned by a user, shared with roles or people, and run as the
 * VIEWER — the same saved question gives each viewer the numbers of the records they may read.
 */
import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';

const app: AppDefinition = {
  name: 'savedreports',
  label: { en: 'Reports' },
  entities: [{
    type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' }, 'x-display-field': 'name',
    required: ['name'],
    properties: {
      name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
      account: { 'x-id': 'f_account', 'x-type': 'text', 'x-label': { en: 'Account' } },
      amount: { 'x-id': 'f_amount', 'x-type': 'number', 'x-label': { en: 'Amount' } },
      closed_at: { 'x-id': 'f_closed', 'x-type': 'date', 'x-label': { en: 'Closed on' } },
    },
  }],
  layouts: [],
  permissions: { roles: {
    rep: { label: { en: 'Rep' }, entities: { deal: { actions: ['read', 'create'], scope: 'own' } } },
    boss: { label: { en: 'Boss' }, entities: { deal: { actions: ['read', 'export'], scope: 'all' } } },
    analyst: { label: { en: 'Analyst' }, entities: { deal: { actions: ['read'], scope: 'all', fields: { amount: 'hidden' } } } },
  } },
} as AppDefinition;

const wonByMonth = { label: 'Amount by owner by month', entity: 'deal', groups: ['owner', 'closed_at:month'], measures: ['count', 'sum:amount'], chart: 'bar' };

forEachDatabase('saved reports', (getCtx) => {
  let rt: TestRuntime;
  let ann: SessionClient;
  let bob: SessionClient;
  let boss: SessionClient;
  let ana: SessionClient;
  let ids: Record<string, string>;
  beforeAll(async () => {
    rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    for (const [name, role] of [['ann', 'rep'], ['bob', 'rep'], ['boss', 'boss'], ['ana', 'analyst']]) await rt.createUser({ username: name, password: `${name}-password-1`, roles: [role] });
    [ann, bob, boss, ana] = await Promise.all(['ann', 'bob', 'boss', 'ana'].map((n) => rt.login(n, `${n}-password-1`)));
    ids = Object.fromEntries((await rt.admin.call('GET', '/api/admin/users')).body.data.map((u: { username: string; id: string }) => [u.username, u.id]));
    for (const [who, name, account, amount, closed] of [
      [ann, 'A1', 'acme', 100, '2026-04-01'],
      [ann, 'A2', 'acme', 50, '2026-03-15'],
      [bob, 'B1', 'acme', 1000, '2026-03-31'],
    ] as const) expect((await who.call('POST', '/api/deals', { name, account, amount, closed_at: closed })).status).toBe(201);
  });
  afterAll(() => rt?.close());

  it('saves a report for its owner, lists it as theirs, changes and deletes it', async () => {
    const created = await ann.call('POST', '/api/_reports', { ...wonByMonth, label: 'Mine' });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ label: 'Mine', entity: 'deal', groups: ['owner', 'closed_at:month'], measures: ['count', 'sum:amount'], chart: 'bar', mine: true, sharedWith: { roles: [], users: [] } });
    const id = created.body.data.id;
    expect((await ann.call('GET', '/api/_reports')).body.data.map((r: { id: string }) => r.id)).toContain(id);
    // Not shared: another user neither lists, runs, changes nor deletes it.
    expect((await bob.call('GET', '/api/_reports')).body.data.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await bob.call('GET', `/api/_reports/${id}/run`)).status).toBe(404);
    expect((await bob.call('PATCH', `/api/_reports/${id}`, { label: 'Taken' })).status).toBe(404);
    expect((await bob.call('DELETE', `/api/_reports/${id}`)).status).toBe(404);
    const changed = await ann.call('PATCH', `/api/_reports/${id}`, { label: 'Mine, renamed', chart: 'table' });
    expect(changed.body.data).toMatchObject({ label: 'Mine, renamed', chart: 'table', groups: ['owner', 'closed_at:month'] });
    expect((await ann.call('DELETE', `/api/_reports/${id}`)).status).toBe(204);
    expect((await ann.call('GET', `/api/_reports/${id}/run`)).status).toBe(404);
  });

  it('shares with a role; each viewer runs it with their own numbers', async () => {
    const created = await boss.call('POST', '/api/_reports', { ...wonByMonth, sharedWith: { roles: ['rep'] } });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    const bossRows = (await boss.call('GET', `/api/_reports/${id}/run`)).body.data;
    expect(bossRows).toEqual(expect.arrayContaining([
      { owner: ids.ann, 'closed_at:month': '2026-03-01', count: 1, 'sum:amount': 50 },
      { owner: ids.ann, 'closed_at:month': '2026-04-01', count: 1, 'sum:amount': 100 },
      { owner: ids.bob, 'closed_at:month': '2026-03-01', count: 1, 'sum:amount': 1000 },
    ]));
    expect(bossRows).toHaveLength(3);
    const listed = (await ann.call('GET', '/api/_reports')).body.data.find((r: { id: string }) => r.id === id);
    expect(listed).toMatchObject({ mine: false, ownerName: expect.any(String) });
    expect(listed.sharedWith).toBeUndefined(); // whom the owner shared with is the owner's business
    const annRun = await ann.call('GET', `/api/_reports/${id}/run`);
    expect(annRun.status).toBe(200);
    expect(annRun.body.data).toHaveLength(2);
    expect(annRun.body.data.every((r: { owner: string }) => r.owner === ids.ann)).toBe(true);
    expect((await bob.call('GET', `/api/_reports/${id}/run`)).body.data).toEqual([{ owner: ids.bob, 'closed_at:month': '2026-03-01', count: 1, 'sum:amount': 1000 }]);
    // A shared report is still only its owner's to change.
    expect((await ann.call('PATCH', `/api/_reports/${id}`, { label: 'Mine now' })).status).toBe(404);
    // The analyst's role was not given it.
    expect((await ana.call('GET', `/api/_reports/${id}/run`)).status).toBe(404);
  });

  it('shares with a named colleague, filtered and within a time range', async () => {
    const created = await ann.call('POST', '/api/_reports', { label: 'Acme this year', entity: 'deal', groups: [], measures: ['sum:amount'], filter: { account: { eq: 'acme' } }, range: { field: 'closed_at', period: 'this-year' }, chart: 'number', sharedWith: { users: [ids.bob] } });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    const thisYear = new Date().getUTCFullYear() === 2026;
    expect((await ann.call('GET', `/api/_reports/${id}/run`)).body.data).toEqual([{ 'sum:amount': thisYear ? 150 : null }]);
    expect((await bob.call('GET', `/api/_reports/${id}/run`)).body.data).toEqual([{ 'sum:amount': thisYear ? 1000 : null }]);
  });

  it('refuses to share with a role without the right to export, and names what is wrong', async () => {
    const res = await ann.call('POST', '/api/_reports', { ...wonByMonth, sharedWith: { roles: ['rep'] } });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'sharedWith.roles', rule: 'forbidden', message: expect.stringContaining('export') })]);
    const unknownRole = await boss.call('POST', '/api/_reports', { ...wonByMonth, sharedWith: { roles: ['pirates'] } });
    expect(unknownRole.body.error.details).toEqual([expect.objectContaining({ field: 'sharedWith.roles', message: expect.stringContaining('pirates') })]);
    const mine = await ann.call('POST', '/api/_reports', { ...wonByMonth, label: 'Private' });
    expect((await ann.call('PATCH', `/api/_reports/${mine.body.data.id}`, { sharedWith: { roles: ['boss'] } })).status).toBe(422);
    expect((await ann.call('GET', '/api/_reports')).body.data.find((r: { id: string }) => r.id === mine.body.data.id).sharedWith).toEqual({ roles: [], users: [] });
  });

  it('refuses a bad report field by field, in the user\'s words', async () => {
    const res = await boss.call('POST', '/api/_reports', { label: '', entity: 'deal', groups: ['name:month', 'a', 'b'], measures: ['sum:name'], chart: 'radar' });
    expect(res.status).toBe(422);
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['label', 'groups', 'chart']));
    const parsed = await boss.call('POST', '/api/_reports', { label: 'Bad', entity: 'deal', groups: ['name:month'], measures: ['sum:name'] });
    expect(parsed.status).toBe(422);
    expect(parsed.body.error.details).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'groups', message: expect.stringContaining('not a date') }),
      expect.objectContaining({ field: 'measures', message: expect.stringContaining('sum does not apply') }),
    ]));
    expect((await boss.call('POST', '/api/_reports', { label: 'Nowhere', entity: 'ship', measures: ['count'] })).body.error.details).toEqual([expect.objectContaining({ field: 'entity' })]);
  });

  it('answers a viewer who may not see a measured field with a reason, not a partial table', async () => {
    const created = await boss.call('POST', '/api/_reports', { ...wonByMonth, label: 'For analysts', sharedWith: { roles: ['analyst'] } });
    const res = await ana.call('GET', `/api/_reports/${created.body.data.id}/run`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('report_not_runnable');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'measures', message: expect.stringContaining('amount') })]);
    // The analyst may still save reports of their own over what they can see.
    expect((await ana.call('POST', '/api/_reports', { label: 'Deals by month', entity: 'deal', groups: ['closed_at:month'], measures: ['count'] })).status).toBe(201);
  });
});
