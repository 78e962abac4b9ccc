import path from 'node:path';
import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, loadAppDir, type TestRuntime } from '@tessera/runtime';
import type { SessionClient } from '../src/testing/create-session-client';

const exampleDir = path.resolve(__dirname, '..', '..', 'examples', 'crm');

/**
 * The example as shipped (reps: tickets `{ parent: customer }`, read and create), plus, for this
 * test, export for reps and the sales manager's tickets through the customer too (the shipped
 * manager scope is `department` on the ticket's owner).
 */
async function app(): Promise<AppDefinition> {
  const loaded = await loadAppDir(exampleDir);
  if (!loaded.ok) throw new Error('the example app does not load');
  const roles = loaded.app.permissions!.roles;
  expect(roles.sales_rep.entities.ticket).toEqual({ actions: ['read', 'create'], scope: { parent: 'customer' } });
  roles.sales_rep.entities.ticket.actions.push('export');
  roles.sales_manager.entities.ticket.scope = { parent: 'customer' };
  return loaded.app;
}

/**
 * "Controlled by parent" (ADR 0056): a service person owns the ticket, the rep who owns the
 * customer sees it — on every read path — and nobody else's; the manager sees the tickets of
 * the department's customers; a write needs the customer in the writer's write scope; a
 * transfer of the customer moves the tickets' visibility with the very next request.
 */
forEachDatabase('tickets controlled by their customer', (getCtx) => {
  let rt: TestRuntime;
  const as: Record<string, SessionClient> = {};
  const ids: Record<string, string> = {};
  const numbers: Record<string, string> = {};

  const ok = async (who: string, method: string, url: string, body?: unknown) => {
    const res = await as[who].call(method, url, body);
    if (res.status >= 300) throw new Error(`${who} ${method} ${url}: ${res.status} ${res.text}`);
    return res.body?.data;
  };
  const subjects = async (who: string, query = '') => ((await ok(who, 'GET', `/api/tickets?sort=subject${query}`)) as { subject: string }[]).map((t) => t.subject);

  beforeAll(async () => {
    rt = await createTestRuntime({ app: await app(), appDir: exampleDir, demoUsers: true, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    as.admin = rt.admin;
    for (const who of ['sales1', 'sales2', 'manager', 'service']) as[who] = await rt.login(who, `${who}-demo-123`);
    for (const who of ['sales1', 'sales2', 'admin']) ids[who] = (await ok(who, 'POST', '/api/customers', { name: `${who} corp` })).id;
    // Service owns every ticket: none is the rep's own.
    for (const who of ['sales1', 'sales2', 'admin']) {
      const ticket = await ok('service', 'POST', '/api/tickets', { subject: `${who} ticket`, customer: ids[who], category: 'fault' });
      ids[`${who}-ticket`] = ticket.id;
      numbers[who] = ticket.number;
    }
  });
  afterAll(() => rt?.close());

  it('a rep lists, counts, searches and exports exactly the tickets of their customers', async () => {
    expect(await subjects('sales1')).toEqual(['sales1 ticket']);
    expect(await subjects('sales2')).toEqual(['sales2 ticket']);
    expect((await ok('sales1', 'GET', '/api/tickets/aggregate?measures=count'))[0].count).toBe(1);
    // By the searchable ticket number: the list's q and the global search.
    expect(await subjects('sales1', `&q=${encodeURIComponent(numbers.sales2)}`)).toEqual([]);
    expect(await subjects('sales1', `&q=${encodeURIComponent(numbers.sales1)}`)).toEqual(['sales1 ticket']);
    const search = async (q: string) => ((await ok('sales1', 'GET', `/api/_search?q=${encodeURIComponent(q)}`)) as { entity: string; hits: { id: string }[] }[]).find((g) => g.entity === 'ticket')?.hits.map((h) => h.id) ?? [];
    expect(await search(numbers.sales1)).toEqual([ids['sales1-ticket']]);
    expect(await search(numbers.sales2)).toEqual([]);
    const csv = await as.sales1.call('GET', '/api/tickets/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('sales1 ticket');
    expect(csv.text).not.toContain('sales2 ticket');
    expect(csv.text).not.toContain('admin ticket');
  });

  it('another rep\'s customer\'s ticket is not found, exactly like a missing one', async () => {
    expect((await ok('sales1', 'GET', `/api/tickets/${ids['sales1-ticket']}`)).subject).toBe('sales1 ticket');
    const foreign = await as.sales1.call('GET', `/api/tickets/${ids['sales2-ticket']}`);
    const missing = await as.sales1.call('GET', '/api/tickets/00000000-0000-4000-8000-000000000000');
    expect([foreign.status, foreign.body.error.code]).toEqual([404, missing.body.error.code]);
    expect((await as.sales1.call('GET', `/api/tickets/${ids['admin-ticket']}/capabilities`)).status).toBe(404);
  });

  it('a rep opens tickets only on customers they can see, and sees what they opened', async () => {
    const mine = await as.sales1.call('POST', '/api/tickets', { subject: 'sales1 opened', customer: ids.sales1 });
    expect(mine.status).toBe(201);
    expect(await subjects('sales1')).toEqual(['sales1 opened', 'sales1 ticket']);
    const foreign = await as.sales1.call('POST', '/api/tickets', { subject: 'on sales2', customer: ids.sales2 });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details).toEqual([expect.objectContaining({ field: 'customer', rule: 'relation' })]);
    expect((await ok('admin', 'DELETE', `/api/tickets/${mine.body.data.id}`, undefined))).toBeUndefined();
  });

  it('the manager sees the tickets of the department\'s customers, not the admin\'s', async () => {
    expect(await subjects('manager')).toEqual(['sales1 ticket', 'sales2 ticket']);
    expect((await as.manager.call('GET', `/api/tickets/${ids['admin-ticket']}`)).status).toBe(404);
  });

  it('a write needs the customer in the writer\'s write scope: a read share lets one read its tickets, an edit share change them', async () => {
    const patch = () => as.manager.call('PATCH', `/api/tickets/${ids['admin-ticket']}`, { priority: 'high' });
    expect((await patch()).status).toBe(404);
    const managerId = as.manager.user.id;
    await ok('admin', 'POST', `/api/customers/${ids.admin}/shares`, { user: managerId, access: 'read' });
    expect(await subjects('manager')).toEqual(['admin ticket', 'sales1 ticket', 'sales2 ticket']);
    expect((await patch()).status).toBe(404);
    await ok('admin', 'POST', `/api/customers/${ids.admin}/shares`, { user: managerId, access: 'edit' });
    const changed = await patch();
    expect([changed.status, changed.body.data?.priority]).toEqual([200, 'high']);
  });

  it('transferring the customer moves its tickets\' visibility at once', async () => {
    await ok('manager', 'POST', `/api/customers/${ids.sales1}/transfer`, { owner: as.sales2.user.id });
    expect(await subjects('sales1')).toEqual([]);
    expect((await as.sales1.call('GET', `/api/tickets/${ids['sales1-ticket']}`)).status).toBe(404);
    expect(await subjects('sales2')).toEqual(['sales1 ticket', 'sales2 ticket']);
    // The tickets themselves did not move: service still owns them.
    expect((await ok('service', 'GET', `/api/tickets/${ids['sales1-ticket']}`)).owner).toBe(as.service.user.id);
    await ok('manager', 'POST', `/api/customers/${ids.sales1}/transfer`, { owner: as.sales1.user.id });
    expect(await subjects('sales1')).toEqual(['sales1 ticket']);
  });
});
