/**
 * Contract approval in the example (issue 19): a rep submits a contract, it is locked while the
 * approval runs, the sales manager approves it, one above CNY 1,000,000 also needs management,
 * and a rejection sends it back to draft with the rep told why. Only an approved contract can
 * be signed, and signing needs the signing date.
 */
import { createTestRuntime, forEachDatabase, waitFor, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { inbox, notifications, ok } from './approval-calls';
import { exampleDir } from './browser-harness';


forEachDatabase('contract approval in the example', (getCtx) => {
  let server: TestRuntime;
  let sales1: SessionClient;
  let manager: SessionClient;
  let executive: SessionClient;
  let customer: string;

  const statusOf = async (id: string) => (await ok(sales1, 'GET', `/api/contracts/${id}`)).status as string;
  /** A contract of sales1's, submitted; returns it and its approval. */
  async function submitted(name: string, amount: number): Promise<{ contract: string; approval: string }> {
    const contract = (await ok(sales1, 'POST', '/api/contracts', { name, customer, amount, end_date: '2027-12-31' })).id as string;
    expect(await statusOf(contract)).toBe('draft');
    await ok(sales1, 'POST', `/api/contracts/${contract}/transitions/SUBMIT`, {});
    const [approval] = (await ok(sales1, 'GET', `/api/approvals?entity=contract&recordId=${contract}`)) as { id: string }[];
    return { contract, approval: approval.id };
  }

  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, demoUsers: true });
    [sales1, manager, executive] = await Promise.all(['sales1', 'manager', 'executive'].map((u) => server.login(u, `${u}-demo-123`)));
    customer = (await ok(sales1, 'POST', '/api/customers', { name: 'Contract Pumps' })).id;
  });
  afterAll(() => server?.close());

  it('locks a submitted contract, the sales manager approves it, and only then it can be signed', async () => {
    const { contract, approval } = await submitted('Pumps 2027', 200_000);
    expect(await statusOf(contract)).toBe('pending_approval');
    // Locked while pending: the rep cannot change it, nor sign it before the approval.
    const edit = await sales1.call('PATCH', `/api/contracts/${contract}`, { amount: 150_000 });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('record_locked');
    expect((await sales1.call('POST', `/api/contracts/${contract}/transitions/SIGN`, {})).status).toBe(409);
    // A rep does not approve their own contract.
    expect((await sales1.call('POST', `/api/approvals/${approval}/approve`, {})).status).toBe(403);

    const task = (await inbox(manager)).find((t) => t.recordId === contract)!;
    expect(task.step).toBe('sales_manager');
    await ok(manager, 'POST', `/api/approvals/${approval}/approve`, { comment: 'Terms are fine' });
    expect(await statusOf(contract)).toBe('approved');
    // Below the threshold management never sees it.
    expect((await inbox(executive)).map((t) => t.recordId)).not.toContain(contract);

    // Approved: the amount stays as approved; signing needs the signing date.
    expect((await sales1.call('PATCH', `/api/contracts/${contract}`, { amount: 250_000 })).status).toBe(409);
    expect((await sales1.call('POST', `/api/contracts/${contract}/transitions/SIGN`, {})).status).toBe(409);
    await ok(sales1, 'PATCH', `/api/contracts/${contract}`, { signed_at: '2027-01-05', contract_no: 'HT-2027-001' });
    expect((await ok(sales1, 'POST', `/api/contracts/${contract}/transitions/SIGN`, {})).status).toBe('active');
  });

  it('needs management too above CNY 1,000,000', async () => {
    const { contract, approval } = await submitted('Plant 2027', 2_500_000);
    expect((await inbox(executive)).map((t) => t.recordId)).not.toContain(contract); // the sales manager first
    await ok(manager, 'POST', `/api/approvals/${approval}/approve`, {});
    expect(await statusOf(contract)).toBe('pending_approval');
    const task = (await inbox(executive)).find((t) => t.recordId === contract)!;
    expect(task.step).toBe('management');
    expect((await sales1.call('PATCH', `/api/contracts/${contract}`, { name: 'Plant 2027 (bigger)' })).status).toBe(409);
    await ok(executive, 'POST', `/api/approvals/${approval}/approve`, {});
    expect(await statusOf(contract)).toBe('approved');
  });

  it('returns a rejected contract to draft, tells the rep why, and it can be changed and resubmitted', async () => {
    const { contract, approval } = await submitted('Valves 2027', 300_000);
    await ok(manager, 'POST', `/api/approvals/${approval}/reject`, { comment: 'Payment terms too long' });
    expect(await statusOf(contract)).toBe('draft');
    const note = await waitFor('the rejection notice', async () => {
      const notes = (await notifications(sales1)).filter((n) => n.recordId === contract);
      return notes.find((n) => n.subject?.startsWith('Rejected'));
    }, 15_000);
    expect(note.subject).toBe('Rejected: contract "Valves 2027"');
    expect(note.body).toContain('Comment: Payment terms too long');
    // Unlocked again: the rep changes it and submits it anew.
    await ok(sales1, 'PATCH', `/api/contracts/${contract}`, { amount: 280_000 });
    await ok(sales1, 'POST', `/api/contracts/${contract}/transitions/SUBMIT`, {});
    expect(await statusOf(contract)).toBe('pending_approval');
    expect((await inbox(manager)).map((t) => t.recordId)).toContain(contract);
  });

  it('does not submit a contract without an amount', async () => {
    const contract = (await ok(sales1, 'POST', '/api/contracts', { name: 'No amount yet', customer })).id as string;
    expect((await sales1.call('POST', `/api/contracts/${contract}/transitions/SUBMIT`, {})).status).toBe(409);
    expect(await statusOf(contract)).toBe('draft');
  });
});
