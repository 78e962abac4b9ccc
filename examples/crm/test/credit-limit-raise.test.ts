/**
 * Raising a customer's credit limit in the example (issue 19): a rep asks for a higher limit,
 * management decides; the customer's limit changes only when the request is approved, and the
 * request keeps the amount asked for either way.
 */
import { createTestRuntime, forEachDatabase, waitFor, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { inbox, notifications, ok } from './approval-calls';
import { exampleDir } from './browser-harness';


forEachDatabase('credit limit raise in the example', (getCtx) => {
  let server: TestRuntime;
  let sales1: SessionClient;
  let manager: SessionClient;
  let executive: SessionClient;
  let customer: string;

  const limitOf = async () => {
    const value = (await ok(sales1, 'GET', `/api/customers/${customer}`)).credit_limit as string | number | null;
    return value === null ? null : Number(value);
  };
  /** A request of sales1's, submitted; returns it and its approval. */
  async function submitted(requested: number, reason: string): Promise<{ request: string; approval: string }> {
    const request = (await ok(sales1, 'POST', '/api/credit_requests', { customer, requested_limit: requested, reason })).id as string;
    await ok(sales1, 'POST', `/api/credit_requests/${request}/transitions/SUBMIT`, {});
    const [approval] = (await ok(sales1, 'GET', `/api/approvals?entity=credit_request&recordId=${request}`)) as { id: string }[];
    return { request, approval: approval.id };
  }

  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, demoUsers: true });
    [sales1, manager, executive] = await Promise.all(['sales1', 'manager', 'executive'].map((u) => server.login(u, `${u}-demo-123`)));
    customer = (await ok(sales1, 'POST', '/api/customers', { name: 'Credit Valves' })).id;
  });
  afterAll(() => server?.close());

  it('applies the new limit only when management approves, keeping the amount asked for', async () => {
    expect(await limitOf()).toBeNull();
    const { request, approval } = await submitted(500_000, 'Orders doubled this year');
    expect((await ok(sales1, 'GET', `/api/credit_requests/${request}`)).status).toBe('pending_approval');
    // Locked while pending, and the limit has not moved.
    expect((await sales1.call('PATCH', `/api/credit_requests/${request}`, { requested_limit: 900_000 })).status).toBe(409);
    expect(await limitOf()).toBeNull();
    // Nor can a rep set the limit or record a grant by hand; the sales manager does not approve it.
    expect((await sales1.call('POST', '/api/credit_grants', { customer, credit_limit: 900_000 })).status).toBe(403);
    expect((await sales1.call('PATCH', `/api/customers/${customer}`, { credit_limit: 900_000 })).status).toBe(422);
    expect((await manager.call('POST', `/api/approvals/${approval}/approve`, {})).status).toBe(403);

    const task = (await inbox(executive)).find((t) => t.recordId === request)!;
    expect(task.step).toBe('management');
    await ok(executive, 'POST', `/api/approvals/${approval}/approve`, { comment: 'Good payer' });
    const approved = await ok(sales1, 'GET', `/api/credit_requests/${request}`);
    expect(approved.status).toBe('approved');
    expect(Number(approved.requested_limit)).toBe(500_000);
    expect(await limitOf()).toBe(500_000);
    // The rep sees the approved limit among the customer's grants.
    const grants = (await ok(sales1, 'GET', `/api/credit_grants?filter[customer]=${customer}`)) as { credit_limit: string; request: string }[];
    expect(grants.map((g) => [Number(g.credit_limit), g.request])).toEqual([[500_000, request]]);
  });

  it('leaves the limit as it was on a rejection, keeps the request and tells the rep', async () => {
    const { request, approval } = await submitted(2_000_000, 'New plant');
    await ok(executive, 'POST', `/api/approvals/${approval}/reject`, { comment: 'Too much for now' });
    const rejected = await ok(sales1, 'GET', `/api/credit_requests/${request}`);
    expect(rejected.status).toBe('rejected');
    expect(Number(rejected.requested_limit)).toBe(2_000_000);
    expect(await limitOf()).toBe(500_000);
    const note = await waitFor('the rejection notice', async () => {
      const notes = (await notifications(sales1)).filter((n) => n.recordId === request);
      return notes.find((n) => n.subject?.startsWith('Rejected'));
    }, 15_000);
    expect(note.body).toContain('Comment: Too much for now');
    // A rejected request stays as it was decided.
    expect((await sales1.call('PATCH', `/api/credit_requests/${request}`, { requested_limit: 1_000_000 })).status).toBe(409);
  });

  it('moves requests and approved limits when two customers are merged', async () => {
    const other = (await ok(sales1, 'POST', '/api/customers', { name: 'Northern Valve Trading' })).id as string;
    const request = (await ok(sales1, 'POST', '/api/credit_requests', { customer: other, requested_limit: 700_000 })).id as string;
    await ok(sales1, 'POST', `/api/credit_requests/${request}/transitions/SUBMIT`, {});
    const [approval] = (await ok(sales1, 'GET', `/api/approvals?entity=credit_request&recordId=${request}`)) as { id: string }[];
    await ok(executive, 'POST', `/api/approvals/${approval.id}/approve`, {});
    await ok(server.admin, 'POST', '/api/plugins/@tessera/plugin-dedup/merge', { entity: 'customer', keep: customer, remove: other });
    expect((await ok(sales1, 'GET', `/api/credit_requests/${request}`)).customer).toBe(customer);
    expect(await limitOf()).toBe(700_000);
  });

  it('hides the credit limit from roles that do not see the credit rating', async () => {
    const service = await server.login('service', 'service-demo-123');
    expect(await ok(service, 'GET', `/api/customers/${customer}`)).not.toHaveProperty('credit_limit');
    expect((await service.call('GET', '/api/credit_requests')).status).toBe(403);
  });
});
