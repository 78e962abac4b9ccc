/**
 * Service tickets in the example: a ticket born in `new` escalates by itself when its SLA passes
 * (the example's 4 h, shortened here to seconds in the loaded definition), and the owner and the
 * owner's manager are notified in their language. Permissions: service works every ticket, reps
 * only their own, management reads.
 */
import { createTestRuntime, forEachDatabase, loadAppDir, waitFor, type SessionClient, type TestRuntime } from '@tessera/runtime';
import type { AppDefinition } from '@tessera/metadata';
import { exampleDir } from './browser-harness';

const SLA_NEW_MS = 1500;

/** The example with the `new` SLA of ticket_service shortened to `SLA_NEW_MS` (the rest as shipped). */
async function shortSlaApp(): Promise<AppDefinition> {
  const loaded = await loadAppDir(exampleDir);
  if (!loaded.ok) throw new Error('the example app does not load');
  const workflow = loaded.app.workflows!.find((w) => w.name === 'ticket_service')!;
  const fresh = workflow.machine.states.new!;
  const [[, escalation]] = Object.entries(fresh.after!);
  expect(Object.keys(fresh.after!)).toEqual(['14400000']); // the shipped SLA: 4 hours
  fresh.after = { [String(SLA_NEW_MS)]: escalation! };
  return loaded.app;
}

forEachDatabase('service tickets with SLA escalation in the example', (getCtx) => {
  let server: TestRuntime;
  let sales1: SessionClient;
  let sales2: SessionClient;
  let service: SessionClient;
  let manager: SessionClient;
  let customer: string;
  const users: Record<string, string> = {};

  const ok = async (client: SessionClient, method: string, path: string, body?: unknown) => {
    const res = await client.call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body.data;
  };

  beforeAll(async () => {
    server = await createTestRuntime({ app: await shortSlaApp(), appDir: exampleDir, databaseUrl: getCtx().databaseUrl, demoUsers: true });
    [sales1, sales2, service, manager] = await Promise.all(['sales1', 'sales2', 'service', 'manager'].map((u) => server.login(u, `${u}-demo-123`)));
    for (const u of (await server.admin.call('GET', '/api/admin/users')).body.data as Array<{ id: string; username: string }>) users[u.username] = u.id;
    customer = (await ok(sales1, 'POST', '/api/customers', { name: 'Ticket Test Pumps', industry: 'manufacturing', level: 'B', region: 'east' })).id;
  }, 180_000);
  afterAll(() => server?.close());

  it('escalates a ticket left in new past its SLA and notifies the owner and the owner\'s manager', async () => {
    const ticket = await ok(sales1, 'POST', '/api/tickets', { subject: 'Pump leaks', customer, category: 'fault', priority: 'high', description: 'Leaks at the seal.' });
    expect(ticket.status).toBe('new');
    expect(ticket.number).toMatch(/^TK-\d{4}-\d{5}$/);
    const escalated = await waitFor('the SLA escalation', async () => {
      const t = await ok(sales1, 'GET', `/api/tickets/${ticket.id}`);
      return t.status === 'escalated' ? t : undefined;
    }, 180_000);
    expect(escalated.owner).toBe(users.sales1);
    const notes = await waitFor('the escalation notes', async () => {
      const rows = await server.runtime.knex('tessera.notifications').where({ record_id: ticket.id }).select('user_id', 'subject', 'body');
      return rows.length >= 2 ? rows : undefined;
    });
    expect(notes.map((n) => n.user_id).sort()).toEqual([users.sales1, users.manager].sort());
    expect(notes[0].body).toContain(ticket.number);
    expect(notes[0].body).toContain('Pump leaks');
    // The manager sees it in their own list of notifications too.
    const mine = (await manager.call('GET', '/api/notifications')).body.data as Array<{ recordId?: string; record_id?: string; subject?: string }>;
    expect(mine.some((n) => (n.recordId ?? n.record_id) === ticket.id)).toBe(true);
    const history = await server.runtime.knex('tessera.workflow_history').where({ record_id: ticket.id });
    expect(history.map((h) => [h.from_state, h.to_state, h.actor])).toEqual([['new', 'escalated', null]]);
  }, 90_000);

  it('does not escalate a ticket that service started in time, and resolving needs a resolution', async () => {
    const ticket = await ok(service, 'POST', '/api/tickets', { subject: 'Manual missing', customer, category: 'question' });
    await ok(service, 'POST', `/api/tickets/${ticket.id}/transitions/START`, {});
    const early = await service.call('POST', `/api/tickets/${ticket.id}/transitions/RESOLVE`, {});
    expect(early.status).toBe(409);
    const withText = await ok(service, 'PATCH', `/api/tickets/${ticket.id}`, { resolution: 'Sent the PDF manual.' });
    expect((await ok(service, 'POST', `/api/tickets/${ticket.id}/transitions/RESOLVE`, {})).status).toBe('resolved');
    expect(withText.status).toBe('in_progress');
    await new Promise((r) => setTimeout(r, SLA_NEW_MS + 2500));
    expect((await ok(service, 'GET', `/api/tickets/${ticket.id}`)).status).toBe('resolved');
  }, 90_000);

  it('lets service work every ticket, reps only their own, management read only', async () => {
    const ticket = await ok(sales1, 'POST', '/api/tickets', { subject: 'Invoice question', customer });
    expect((await sales2.call('GET', `/api/tickets/${ticket.id}`)).status).toBe(404);
    expect((await sales1.call('POST', `/api/tickets/${ticket.id}/transitions/START`, {})).status).toBe(403);
    expect((await ok(service, 'POST', `/api/tickets/${ticket.id}/transitions/START`, {})).status).toBe('in_progress');
    const executive = await server.login('executive', 'executive-demo-123');
    expect((await executive.call('GET', `/api/tickets/${ticket.id}`)).status).toBe(200);
    expect((await executive.call('PATCH', `/api/tickets/${ticket.id}`, { subject: 'Changed by management' })).status).toBe(403);
  }, 180_000);
});
