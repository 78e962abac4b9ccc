/**
 * Customer transfer by approval in the example (issue 19): a rep asks for one of their customers
 * to go to another rep; nothing moves while the request waits; when the rep's manager approves,
 * the customer and the related records that follow a transfer (its contacts, its open
 * opportunities — not a lost one) belong to the new owner, each with a transfer in its history.
 * A rejection moves nothing; a customer the rep cannot see cannot be asked for.
 */
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { inbox, ok } from './approval-calls';
import { exampleDir } from './browser-harness';

interface Summary { field: string; value: unknown }

forEachDatabase('customer transfer by approval in the example', (getCtx) => {
  let server: TestRuntime;
  let sales1: SessionClient;
  let sales2: SessionClient;
  let manager: SessionClient;
  const users: Record<string, string> = {};

  /** A customer of sales1's with a contact, an open and a lost opportunity. */
  async function customerWithChildren(name: string) {
    const customer = (await ok(sales1, 'POST', '/api/customers', { name })).id as string;
    const contact = (await ok(sales1, 'POST', '/api/contacts', { name: `${name} buyer`, customer })).id as string;
    const open = (await ok(sales1, 'POST', '/api/opportunities', { name: `${name} pumps`, customer, amount: 100_000 })).id as string;
    const lost = (await ok(sales1, 'POST', '/api/opportunities', { name: `${name} valves`, customer, amount: 50_000 })).id as string;
    await ok(sales1, 'POST', `/api/opportunities/${lost}/transitions/LOSE`, { reason: 'Price' });
    return { customer, contact, open, lost };
  }
  /** sales1's request to hand `customer` to sales2, submitted; returns it and its approval. */
  async function submitted(customer: string, reason: string): Promise<{ request: string; approval: string }> {
    const request = (await ok(sales1, 'POST', '/api/transfer_requests', { customer, new_owner: users.sales2, reason })).id as string;
    await ok(sales1, 'POST', `/api/transfer_requests/${request}/transitions/SUBMIT`, {});
    const [approval] = (await ok(sales1, 'GET', `/api/approvals?entity=transfer_request&recordId=${request}`)) as { id: string }[];
    return { request, approval: approval.id };
  }
  const ownerOf = async (plural: string, id: string) => (await ok(server.admin, 'GET', `/api/${plural}/${id}`)).owner as string;
  const owners = async (r: Awaited<ReturnType<typeof customerWithChildren>>) => [
    await ownerOf('customers', r.customer),
    await ownerOf('contacts', r.contact),
    await ownerOf('opportunities', r.open),
    await ownerOf('opportunities', r.lost),
  ];

  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, demoUsers: true });
    [sales1, sales2, manager] = await Promise.all(['sales1', 'sales2', 'manager'].map((u) => server.login(u, `${u}-demo-123`)));
    for (const u of (await ok(server.admin, 'GET', '/api/admin/users')) as Array<{ id: string; username: string }>) users[u.username] = u.id;
  });
  afterAll(() => server?.close());

  it('moves nothing until the manager approves, then the customer and what follows it, and locks the request', async () => {
    const r = await customerWithChildren('Transfer Pumps');
    const { request, approval } = await submitted(r.customer, 'Moving to the West region');
    expect((await ok(sales1, 'GET', `/api/transfer_requests/${request}`)).status).toBe('pending_approval');
    expect(await owners(r)).toEqual([users.sales1, users.sales1, users.sales1, users.sales1]);
    expect((await sales2.call('GET', `/api/customers/${r.customer}`)).status).toBe(404);
    // Locked while pending; the rep does not approve their own request.
    expect((await sales1.call('PATCH', `/api/transfer_requests/${request}`, { new_owner: users.manager })).status).toBe(409);
    expect((await sales1.call('POST', `/api/approvals/${approval}/approve`, {})).status).toBe(403);

    // The manager's inbox shows what is asked: the customer, the new owner (by name) and why.
    const task = (await inbox(manager)).find((t) => t.recordId === request) as unknown as { record: { summary: Summary[] } };
    expect(task.record.summary).toEqual([
      { field: 'customer', value: 'Transfer Pumps' },
      { field: 'new_owner', value: 'Zhang Min (sales rep, West)' },
      { field: 'reason', value: 'Moving to the West region' },
    ]);

    await ok(manager, 'POST', `/api/approvals/${approval}/approve`, { comment: 'Fine' });
    const approved = await ok(sales1, 'GET', `/api/transfer_requests/${request}`);
    expect(approved.status).toBe('approved');
    expect(await owners(r)).toEqual([users.sales2, users.sales2, users.sales2, users.sales1]);
    // sales2 now works the customer; each moved record says it was transferred, by the approver.
    expect((await ok(sales2, 'GET', `/api/customers/${r.customer}`)).name).toBe('Transfer Pumps');
    for (const [plural, id] of [['customers', r.customer], ['contacts', r.contact], ['opportunities', r.open]]) {
      const history = (await ok(server.admin, 'GET', `/api/${plural}/${id}/history`)) as Array<{ action: string; actor: { id: string } | null; changes: { field: string; new: unknown }[] }>;
      const last = history[history.length - 1];
      expect([plural, last.action, last.actor?.id, last.changes.find((c) => c.field === 'owner')?.new]).toEqual([plural, 'transfer', users.manager, users.sales2]);
    }
    // The approved request stays as decided.
    expect((await sales1.call('PATCH', `/api/transfer_requests/${request}`, { reason: 'Changed my mind' })).status).toBe(409);
    // It is on the customer's related list (requests filtered by customer), for the new owner's manager too.
    const related = (await ok(manager, 'GET', `/api/transfer_requests?filter[customer]=${r.customer}`)) as { id: string }[];
    expect(related.map((x) => x.id)).toEqual([request]);
  });

  it('moves nothing on a rejection', async () => {
    const r = await customerWithChildren('Transfer Valves');
    const { request, approval } = await submitted(r.customer, 'Workload');
    await ok(manager, 'POST', `/api/approvals/${approval}/reject`, { comment: 'Keep it for now' });
    expect((await ok(sales1, 'GET', `/api/transfer_requests/${request}`)).status).toBe('rejected');
    expect(await owners(r)).toEqual([users.sales1, users.sales1, users.sales1, users.sales1]);
    expect((await sales1.call('PATCH', `/api/transfer_requests/${request}`, { reason: 'Again' })).status).toBe(409);
  });

  it('refuses a request for a customer the rep cannot see', async () => {
    const theirs = (await ok(sales2, 'POST', '/api/customers', { name: 'Someone Else Ltd' })).id as string;
    const res = await sales1.call('POST', '/api/transfer_requests', { customer: theirs, new_owner: users.sales1, reason: 'I want it' });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'customer', rule: 'relation' })]);
    expect(await ownerOf('customers', theirs)).toBe(users.sales2);
  });

  it('rolls the approval back when the transfer cannot happen, naming the field', async () => {
    const r = await customerWithChildren('Transfer Gears');
    const { request, approval } = await submitted(r.customer, 'Retiring rep');
    // The new owner leaves before the decision: approving would hand the customer to nobody.
    const leaver = (await ok(server.admin, 'POST', '/api/admin/users', { username: 'leaver', password: 'leaver-demo-123', displayName: 'Leaver', roles: ['sales_rep'] })).id as string;
    await ok(server.admin, 'PATCH', `/api/transfer_requests/${request}`, { new_owner: leaver });
    await ok(server.admin, 'PATCH', `/api/admin/users/${leaver}`, { isActive: false });
    const res = await manager.call('POST', `/api/approvals/${approval}/approve`, {});
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'new_owner', message: 'must be an active user', messages: { en: 'must be an active user', zh: '必须是有效（未停用）的用户' } })]);
    expect((await ok(sales1, 'GET', `/api/transfer_requests/${request}`)).status).toBe('pending_approval');
    expect(await owners(r)).toEqual([users.sales1, users.sales1, users.sales1, users.sales1]);
    expect((await inbox(manager)).map((t) => t.recordId)).toContain(request);
  });
});
