/**
 * Approvals are not silent (issue 18): the submitter of a quote hears each decision — a step
 * approved, the final approval, a rejection, a return — in their inbox, in their language,
 * with the quote's name, the step, the approver and their comment.
 */
import { createTestRuntime, forEachDatabase, waitFor, type TestRuntime } from '@tessera/runtime';
import { exampleDir } from './browser-harness';

type Client = Awaited<ReturnType<TestRuntime['login']>>;
interface Note { subject: string | null; body: string; entity: string; recordId: string }

forEachDatabase('approval decisions reach the submitter', (getCtx) => {
  let server: TestRuntime;
  let sales1: Client;
  let sales2: Client;
  let manager: Client;
  let executive: Client;
  let customer: string;

  const ok = async (client: Client, method: string, path: string, body?: unknown) => {
    const res = await client.call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body?.data;
  };
  /** A submitted quote and the approval it started. */
  async function submitted(client: Client, name: string, discount: number, of = customer): Promise<{ quote: string; approval: string }> {
    const quote = (await ok(client, 'POST', '/api/quotes', { name, customer: of, discount })).id as string;
    await ok(client, 'POST', `/api/quotes/${quote}/transitions/SUBMIT`, {});
    const [approval] = (await ok(client, 'GET', `/api/approvals?entity=quote&recordId=${quote}`)) as { id: string }[];
    return { quote, approval: approval.id };
  }
  const notesAbout = async (client: Client, recordId: string, count: number): Promise<Note[]> => {
    return waitFor(`${count} notification(s) about ${recordId}`, async () => {
      const notes = ((await client.call('GET', '/api/notifications')).body.data as Note[]).filter((n) => n.recordId === recordId);
      return notes.length >= count ? notes : undefined;
    }, 15_000);
  };

  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, demoUsers: true });
    sales1 = await server.login('sales1', 'sales1-demo-123');
    sales2 = await server.login('sales2', 'sales2-demo-123');
    manager = await server.login('manager', 'manager-demo-123');
    executive = await server.login('executive', 'executive-demo-123');
    customer = (await ok(sales1, 'POST', '/api/customers', { name: 'Notice Co' })).id;
    // sales2 reads Chinese: their notices come in Chinese.
    await server.runtime.knex('tessera.users').where({ username: 'sales2' }).update({ locale: 'zh' });
  });
  afterAll(() => server?.close());

  it('tells the submitter when a step is approved and when the approval is complete, with the comment', async () => {
    const { quote, approval } = await submitted(sales1, 'Big pumps quote', 25);
    await ok(manager, 'POST', `/api/approvals/${approval}/approve`, { comment: 'Margin is fine' });
    const [step] = await notesAbout(sales1, quote, 1);
    expect(step.subject).toBe('Step approved: quote "Big pumps quote"');
    expect(step.body).toContain('the step "Sales manager"');
    expect(step.body).toContain('Comment: Margin is fine');
    await ok(executive, 'POST', `/api/approvals/${approval}/approve`, {});
    const notes = await notesAbout(sales1, quote, 2);
    expect(notes.map((n) => n.subject)).toContain('Approved: quote "Big pumps quote"');
    expect(notes.find((n) => n.subject?.startsWith('Approved'))!.body).toContain('The approval is complete');
    // Nobody else heard about it.
    expect(((await manager.call('GET', '/api/notifications')).body.data as Note[]).filter((n) => n.recordId === quote && n.subject?.includes('Approved'))).toEqual([]);
  });

  it('tells the submitter of a rejection and of a return, in their language', async () => {
    const own = (await ok(sales2, 'POST', '/api/customers', { name: '西湖阀门' })).id as string;
    const rejected = await submitted(sales2, '阀门报价', 15, own);
    await ok(manager, 'POST', `/api/approvals/${rejected.approval}/reject`, { comment: '折扣太高' });
    const [no] = await notesAbout(sales2, rejected.quote, 1);
    expect(no.subject).toBe('已驳回：报价单“阀门报价”');
    expect(no.body).toContain('意见：折扣太高');
    expect(no.body).toContain('销售经理');

    const returned = await submitted(sales1, 'Valves quote', 15);
    await ok(manager, 'POST', `/api/approvals/${returned.approval}/reject`, { to: 'submitter', comment: 'Add the delivery date' });
    const [back] = await notesAbout(sales1, returned.quote, 1);
    expect(back.subject).toBe('Returned to you: quote "Valves quote"');
    expect(back.body).toContain('Comment: Add the delivery date');
    expect(`${back.subject} ${back.body}`).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no raw ids in what a user reads
  });

  it('lists the approval summary fields (customer, amount, discount) in the approver\'s inbox', async () => {
    const { quote } = await submitted(sales1, 'Summary quote', 12);
    const inbox = (await ok(manager, 'GET', '/api/approvals/inbox')) as { recordId: string; record: { title: string; summary: { field: string; value: unknown }[] } }[];
    const task = inbox.find((t) => t.recordId === quote)!;
    expect(task.record.title).toBe('Summary quote');
    expect(task.record.summary).toEqual([{ field: 'customer', value: 'Notice Co' }, expect.objectContaining({ field: 'amount' }), { field: 'discount', value: 12 }]);
  });
});
