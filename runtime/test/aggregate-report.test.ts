/**
 * What a report asks the aggregate API (issue 21): two groups, one a date bucket on the
 * workspace's calendar (Asia/Shanghai by default, not UTC), sums and distinct counts — and each
 * viewer gets the numbers of the records they may read, from the same question.
 */
import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';

const app: AppDefinition = {
  name: 'reports',
  label: { en: 'Reports' },
  entities: [{
    type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' }, 'x-display-field': 'name',
    required: ['name'],
    properties: {
      name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
      account: { 'x-id': 'f_account', 'x-type': 'text', 'x-label': { en: 'Account' } },
      amount: { 'x-id': 'f_amount', 'x-type': 'number', 'x-label': { en: 'Amount' } },
      closed_at: { 'x-id': 'f_closed', 'x-type': 'datetime', 'x-label': { en: 'Closed at' } },
    },
  }],
  layouts: [],
  permissions: { roles: {
    rep: { label: { en: 'Rep' }, entities: { deal: { actions: ['read', 'create'], scope: 'own' } } },
    boss: { label: { en: 'Boss' }, entities: { deal: { actions: ['read'], scope: 'all' } } },
  } },
} as AppDefinition;

forEachDatabase('aggregates for reports', (getCtx) => {
  let rt: TestRuntime;
  let ann: SessionClient;
  let bob: SessionClient;
  let boss: SessionClient;
  beforeAll(async () => {
    rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    for (const [name, role] of [['ann', 'rep'], ['bob', 'rep'], ['boss', 'boss']]) await rt.createUser({ username: name, password: `${name}-password-1`, roles: [role] });
    [ann, bob, boss] = await Promise.all(['ann', 'bob', 'boss'].map((n) => rt.login(n, `${n}-password-1`)));
    // 17:30 UTC on 31 March is 01:30 on 1 April in Shanghai: April, and the second quarter, there.
    for (const [who, name, account, amount, closed] of [
      [ann, 'A1', 'acme', 100, '2026-03-31T17:30:00Z'],
      [ann, 'A2', 'acme', 50, '2026-03-15T02:00:00Z'],
      [ann, 'A3', 'bolt', 25, '2026-04-20T02:00:00Z'],
      [bob, 'B1', 'acme', 1000, '2026-03-31T15:59:00Z'],
    ] as const) expect((await who.call('POST', '/api/deals', { name, account, amount, closed_at: closed })).status).toBe(201);
  });
  afterAll(() => rt?.close());

  const report = async (client: SessionClient, query: string) => {
    const res = await client.call('GET', `/api/deals/aggregate?${query}`);
    expect(res.status).toBe(200);
    return res.body.data;
  };

  it('groups by owner and month on the Shanghai calendar, with sums and distinct counts', async () => {
    const rows = await report(boss, 'group=owner,closed_at:month&measures=count,sum:amount,distinct:account');
    const ids = Object.fromEntries((await rt.admin.call('GET', '/api/admin/users')).body.data.map((u: { username: string; id: string }) => [u.username, u.id]));
    expect(rows).toEqual(expect.arrayContaining([
      { owner: ids.ann, 'closed_at:month': '2026-03-01', count: 1, 'sum:amount': 50, 'distinct:account': 1 },
      { owner: ids.ann, 'closed_at:month': '2026-04-01', count: 2, 'sum:amount': 125, 'distinct:account': 2 },
      { owner: ids.bob, 'closed_at:month': '2026-03-01', count: 1, 'sum:amount': 1000, 'distinct:account': 1 },
    ]));
    expect(rows).toHaveLength(3);
    expect(await report(boss, 'group=closed_at:quarter&measures=sum:amount')).toEqual([
      { 'closed_at:quarter': '2026-01-01', 'sum:amount': 1050 },
      { 'closed_at:quarter': '2026-04-01', 'sum:amount': 125 },
    ]);
  });

  it('answers the same question with each viewer\'s own numbers', async () => {
    const query = 'group=closed_at:quarter&measures=count,sum:amount';
    expect(await report(ann, query)).toEqual([{ 'closed_at:quarter': '2026-01-01', count: 1, 'sum:amount': 50 }, { 'closed_at:quarter': '2026-04-01', count: 2, 'sum:amount': 125 }]);
    expect(await report(bob, query)).toEqual([{ 'closed_at:quarter': '2026-01-01', count: 1, 'sum:amount': 1000 }]);
  });
});
