import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';

const run = promisify(execFile);

/** Deals with two amounts sharing one currency code (no default, so a missing code shows). */
function dealEntity(): EntityDefinition {
  return {
    type: 'object',
    'x-name': 'deal',
    'x-plural': 'deals',
    'x-label': { en: 'Deal', zh: '交易' },
    required: ['name'],
    properties: {
      name: { 'x-id': 'd_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
      currency_code: {
        'x-id': 'd_code',
        'x-type': 'select',
        'x-label': { en: 'Currency', zh: '币种' },
        'x-options': ['CNY', 'USD', 'EUR', 'HKD'].map((value) => ({ value, label: { en: value } })),
      },
      amount: { 'x-id': 'd_amount', 'x-type': 'currency', 'x-label': { en: 'Amount', zh: '金额' }, 'x-currency-field': 'currency_code', 'x-indexed': true },
      cost: { 'x-id': 'd_cost', 'x-type': 'currency', 'x-label': { en: 'Cost' }, 'x-currency-field': 'currency_code' },
      fee: { 'x-id': 'd_fee', 'x-type': 'currency', 'x-label': { en: 'Fee' }, 'x-currency': 'USD' },
    },
  };
}
const app = (): AppDefinition => ({ name: 'currency_test', label: { en: 'Currency test' }, entities: [dealEntity()], layouts: [] });

forEachDatabase('multi-currency amounts', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: app(), databaseUrl: getCtx().databaseUrl });
    for (const [name, amount, currency_code] of [['a', 100, 'CNY'], ['b', 250.5, 'USD'], ['c', 40, 'CNY'], ['d', 10, 'EUR'], ['e', 300, 'USD']] as const) {
      expect((await rt.admin.call('POST', '/api/deals', { name, amount, currency_code })).status).toBe(201);
    }
  });
  afterAll(() => rt?.close());

  const create = (body: Record<string, unknown>) => rt.admin.call('POST', '/api/deals', body);
  const details = (res: { body: { error?: { details?: { field: string; rule: string }[] } } }) => res.body.error?.details?.map((d) => `${d.field} ${d.rule}`);

  it('stores the amount and its code', async () => {
    const res = await create({ name: 'x', amount: 12.34, currency_code: 'HKD', fee: 1 });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ amount: 12.34, currency_code: 'HKD', fee: 1 });
  });

  it('refuses an amount without a code, naming the amount field, and writes nothing', async () => {
    const before = (await rt.admin.call('GET', '/api/deals?count=true')).body.total;
    const res = await create({ name: 'no code', amount: 5, cost: 1 });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(details(res)).toEqual(['amount currency-required', 'cost currency-required']);
    expect(res.body.error.details[0].message).toContain('currency_code');
    expect((await create({ name: 'null code', amount: 5, currency_code: null })).status).toBe(422);
    expect((await rt.admin.call('GET', '/api/deals?count=true')).body.total).toBe(before);
    // No amount, no code needed; a fixed-currency amount never needs one.
    expect((await create({ name: 'empty', fee: 3 })).status).toBe(201);
  });

  it('refuses a code that is not an option', async () => {
    const res = await create({ name: 'bad', amount: 5, currency_code: 'RMB' });
    expect(res.status).toBe(422);
    expect(details(res)).toEqual(['currency_code enum']);
  });

  it('checks a PATCH against the stored record', async () => {
    const coded = (await create({ name: 'p1', amount: 1, currency_code: 'EUR' })).body.data;
    const bare = (await create({ name: 'p2' })).body.data;
    // Only the amount, on a record that has a code: fine.
    const ok = await rt.admin.call('PATCH', `/api/deals/${coded.id}`, { amount: 2 });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ amount: 2, currency_code: 'EUR', version: 2 });
    // Only the amount, on a record without a code: 422 at the amount, nothing written.
    const missing = await rt.admin.call('PATCH', `/api/deals/${bare.id}`, { amount: 2 });
    expect(missing.status).toBe(422);
    expect(details(missing)).toEqual(['amount currency-required']);
    expect((await rt.admin.call('GET', `/api/deals/${bare.id}`)).body.data).toMatchObject({ amount: null, version: 1 });
    // Clearing the code under a stored amount, or in the same body as a new amount: 422.
    const cleared = await rt.admin.call('PATCH', `/api/deals/${coded.id}`, { currency_code: null });
    expect(cleared.status).toBe(422);
    expect(details(cleared)).toEqual(['amount currency-required']);
    expect(details(await rt.admin.call('PATCH', `/api/deals/${coded.id}`, { amount: 3, currency_code: null }))).toEqual(['amount currency-required']);
    expect((await rt.admin.call('GET', `/api/deals/${coded.id}`)).body.data).toMatchObject({ amount: 2, currency_code: 'EUR', version: 2 });
    // A stale version is still 412, a missing record still 404.
    expect((await rt.admin.call('PATCH', `/api/deals/${coded.id}`, { amount: 4 }, { 'If-Match': 'W/"1"' })).status).toBe(412);
    expect((await rt.admin.call('PATCH', '/api/deals/00000000-0000-4000-8000-000000000000', { amount: 4 })).status).toBe(404);
    // Clearing both together is fine.
    expect((await rt.admin.call('PATCH', `/api/deals/${coded.id}`, { amount: null, currency_code: null })).status).toBe(200);
  });

  it('checks each item of a bulk update the same way', async () => {
    const bare = (await create({ name: 'bulk' })).body.data;
    const res = await rt.admin.call('POST', '/api/deals/bulk', { update: [{ id: bare.id, amount: 9 }] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('bulk_failed');
    expect(res.body.error.details[0]).toMatchObject({ op: 'update', status: 422, error: { details: [{ field: 'amount', rule: 'currency-required' }] } });
    expect((await rt.admin.call('GET', `/api/deals/${bare.id}`)).body.data.amount).toBeNull();
  });

  it('filters and sorts on the amount column', async () => {
    const res = await rt.admin.call('GET', '/api/deals?filter[amount][gte]=40&filter[amount][lte]=300&filter[name][in]=a,b,c,d,e&sort=-amount&fields=name,amount,currency_code');
    expect(res.status).toBe(200);
    expect(res.body.data.map((d: { name: string }) => d.name)).toEqual(['e', 'b', 'a', 'c']);
  });

  it('sums per currency when grouped by the code field', async () => {
    const res = await rt.admin.call('GET', '/api/deals/aggregate?group=currency_code&measures=count,sum:amount&filter[name][in]=a,b,c,d,e');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { currency_code: 'CNY', count: 2, 'sum:amount': 140 },
      { currency_code: 'EUR', count: 1, 'sum:amount': 10 },
      { currency_code: 'USD', count: 2, 'sum:amount': 550.5 },
    ]);
  });

  it('refuses a sum of a multi-currency amount that is not grouped by its code', async () => {
    const res = await rt.admin.call('GET', '/api/deals/aggregate?measures=sum:amount');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_query');
    expect(res.body.error.details).toEqual([{ parameter: 'measures', message: expect.stringContaining('group=currency_code') }]);
    expect(res.body.error.message).toContain('"amount"');
    // A fixed-currency amount sums without grouping.
    expect((await rt.admin.call('GET', '/api/deals/aggregate?measures=sum:fee')).status).toBe(200);
  });

  it('tells OpenAPI readers where each amount keeps its currency', async () => {
    const doc = (await rt.admin.call('GET', '/api/openapi.json')).body;
    const props = doc.components.schemas.Deal.properties;
    expect(props.amount['x-currency-field']).toBe('currency_code');
    expect(props.amount).not.toHaveProperty('x-currency');
    expect(props.fee['x-currency']).toBe('USD');
    // The document does not depend on the database: lint it once.
    if (getCtx().kind !== 'pglite') return;
    const dir = await mkdtemp(join(tmpdir(), 'tessera-currency-'));
    try {
      await writeFile(join(dir, 'openapi.json'), JSON.stringify(doc));
      const result = await run('npx', ['redocly', 'lint', join(dir, 'openapi.json'), '--format=stylish'], { cwd: resolve(__dirname, '../..') }).catch((err) => err);
      const output = `${result.stdout}\n${result.stderr}`;
      expect(output).not.toMatch(/Validation failed|\d+ errors?\b/);
      expect(output).toMatch(/valid/);
      expect(result.code ?? 0).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
