import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { rollupApp } from './rollup-fixtures';

forEachDatabase('rollup fields', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: rollupApp(), databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  const create = async (plural: string, body: Record<string, unknown>) => {
    const res = await rt.admin.call('POST', `/api/${plural}`, body);
    expect(res.status).toBe(201);
    return res.body.data as Record<string, unknown> & { id: string };
  };
  const rollups = async (id: string) => {
    const { contact_count, total_paid, largest_payment } = (await rt.admin.call('GET', `/api/customers/${id}`)).body.data;
    return { contact_count, total_paid, largest_payment };
  };

  it('starts at 0 (count, sum) and null (max) for a new customer', async () => {
    const customer = await create('customers', { name: 'Empty' });
    expect(customer).toMatchObject({ contact_count: 0, total_paid: 0, largest_payment: null });
  });

  it('follows inserts, updates, re-parenting and deletes of the children', async () => {
    const a = await create('customers', { name: 'A' });
    const b = await create('customers', { name: 'B' });
    const c1 = await create('contacts', { name: 'c1', customer: a.id });
    await create('contacts', { name: 'c2', customer: a.id });
    const p1 = await create('payments', { amount: 100.5, customer: a.id });
    const p2 = await create('payments', { amount: 20, customer: a.id });
    expect(await rollups(a.id)).toEqual({ contact_count: 2, total_paid: 120.5, largest_payment: 100.5 });

    // Changing the summed field.
    expect((await rt.admin.call('PATCH', `/api/payments/${p2.id}`, { amount: 200 })).status).toBe(200);
    expect(await rollups(a.id)).toEqual({ contact_count: 2, total_paid: 300.5, largest_payment: 200 });

    // Re-parenting moves the child's share from one customer to the other.
    expect((await rt.admin.call('PATCH', `/api/contacts/${c1.id}`, { customer: b.id })).status).toBe(200);
    expect((await rt.admin.call('PATCH', `/api/payments/${p2.id}`, { customer: b.id })).status).toBe(200);
    expect(await rollups(a.id)).toEqual({ contact_count: 1, total_paid: 100.5, largest_payment: 100.5 });
    expect(await rollups(b.id)).toEqual({ contact_count: 1, total_paid: 200, largest_payment: 200 });

    // Deletes: a hard delete (contacts) and a soft delete (payments) both stop counting.
    expect((await rt.admin.call('DELETE', `/api/contacts/${c1.id}`)).status).toBe(204);
    expect((await rt.admin.call('DELETE', `/api/payments/${p1.id}`)).status).toBe(204);
    expect(await rollups(a.id)).toEqual({ contact_count: 1, total_paid: 0, largest_payment: null });
    expect(await rollups(b.id)).toEqual({ contact_count: 0, total_paid: 200, largest_payment: 200 });

    // Restoring a soft-deleted payment counts it again.
    expect((await rt.admin.call('POST', `/api/payments/${p1.id}/restore`)).status).toBe(200);
    expect(await rollups(a.id)).toMatchObject({ total_paid: 100.5, largest_payment: 100.5 });
  });

  it('stays right through a bulk write', async () => {
    const c = await create('customers', { name: 'Bulk' });
    const p = await create('payments', { amount: 5, customer: c.id });
    const res = await rt.admin.call('POST', '/api/payments/bulk', {
      create: [{ amount: 1, customer: c.id }, { amount: 2, customer: c.id }, { amount: 3, customer: c.id }],
      update: [{ id: p.id, amount: 50 }],
    });
    expect(res.status).toBe(200);
    expect(await rollups(c.id)).toMatchObject({ total_paid: 56, largest_payment: 50 });
    const created = (res.body.data as { op: string; id: string }[]).filter((r) => r.op === 'create').map((r) => r.id);
    expect((await rt.admin.call('POST', '/api/payments/bulk', { delete: [p.id, created[0]] })).status).toBe(200);
    expect(await rollups(c.id)).toMatchObject({ total_paid: 5, largest_payment: 3 });
  });

  it('is read-only in the API: 422 and nothing written', async () => {
    const res = await rt.admin.call('POST', '/api/customers', { name: 'X', contact_count: 5 });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'contact_count', rule: 'read-only' })]);
    const c = await create('customers', { name: 'Y' });
    const patch = await rt.admin.call('PATCH', `/api/customers/${c.id}`, { total_paid: 1 });
    expect(patch.status).toBe(422);
    expect(patch.body.error.details).toEqual([expect.objectContaining({ field: 'total_paid', rule: 'read-only' })]);
    expect((await rt.admin.call('GET', '/api/customers?filter[name]=X')).body.data).toEqual([]);
  });

  it('filters and sorts like a number', async () => {
    const res = await rt.admin.call('GET', '/api/customers?filter[total_paid][gte]=100&sort=-total_paid&fields=name,total_paid');
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { name: string }) => r.name)).toEqual(['B', 'A']);
  });
});

forEachDatabase('rollup fields: publishing', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: rollupApp(false), databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  it('backfills a rollup added to existing data, keeps it, and drops the trigger when removed', async () => {
    const c = (await rt.admin.call('POST', '/api/customers', { name: 'Old' })).body.data;
    await rt.admin.call('POST', '/api/contacts', { name: 'x', customer: c.id });
    await rt.admin.call('POST', '/api/payments', { amount: 7, customer: c.id });
    const plan = await rt.admin.call('POST', '/api/_meta/plan', { app: rollupApp() });
    expect(plan.body.steps.map((s: { kind: string }) => s.kind)).toEqual(['add-column', 'add-column', 'add-column', 'create-rollup', 'create-rollup', 'create-rollup']);

    const added = await rt.admin.call('POST', '/api/_meta/publish', { app: rollupApp(), baseVersion: 1 });
    expect(added.status).toBe(200);
    expect((await rt.admin.call('GET', `/api/customers/${c.id}`)).body.data).toMatchObject({ contact_count: 1, total_paid: 7, largest_payment: 7 });
    await rt.admin.call('POST', '/api/payments', { amount: 3, customer: c.id });
    expect((await rt.admin.call('GET', `/api/customers/${c.id}`)).body.data.total_paid).toBe(10);

    const removed = await rt.admin.call('POST', '/api/_meta/publish', { app: rollupApp(false), baseVersion: added.body.version, confirmDestructive: true });
    expect(removed.status).toBe(200);
    // The trigger went with the column: child writes still work.
    expect((await rt.admin.call('POST', '/api/payments', { amount: 1, customer: c.id })).status).toBe(201);
    expect((await rt.admin.call('POST', '/api/contacts', { name: 'y', customer: c.id })).status).toBe(201);
  });
});
