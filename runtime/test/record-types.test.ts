import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, waitFor, type SessionClient, type TestRuntime } from '@tessera/runtime';

const l = (en: string, zh: string) => ({ en, zh });

/** Customers of three kinds: distributors have a territory (required) and a rebate rate, agents a commission rate. */
const app = (): AppDefinition => ({
  name: 'kinds', label: l('Kinds', '类型'),
  entities: [{
    type: 'object', 'x-id': 'e_customer', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': l('Customer', '客户'), 'x-display-field': 'name',
    required: ['name'],
    'x-record-types': { field: 'kind', types: {
      end_customer: { layout: 'customer-form' },
      distributor: { fields: ['territory', 'rebate_rate'], required: ['territory'], layout: 'customer-distributor-form' },
      agent: { fields: ['commission_rate'] },
    } },
    properties: {
      name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': l('Name', '名称') },
      kind: { 'x-id': 'f_kind', 'x-type': 'select', 'x-label': l('Kind', '客户类型'), default: 'end_customer', 'x-options': [
        { value: 'end_customer', label: l('End customer', '终端客户') },
        { value: 'distributor', label: l('Distributor', '经销商') },
        { value: 'agent', label: l('Agent', '代理商') },
      ] },
      territory: { 'x-id': 'f_territory', 'x-type': 'text', 'x-label': l('Territory', '授权区域') },
      rebate_rate: { 'x-id': 'f_rebate', 'x-type': 'number', 'x-label': l('Rebate rate', '返利比例') },
      commission_rate: { 'x-id': 'f_commission', 'x-type': 'number', 'x-label': l('Commission rate', '佣金比例') },
    },
  }],
  layouts: [
    { name: 'customer-form', kind: 'form', entity: 'customer', sections: [{ id: 'a', label: l('Basic', '基本'), fields: ['name', 'kind', 'commission_rate'] }] },
    { name: 'customer-distributor-form', kind: 'form', entity: 'customer', sections: [{ id: 'a', label: l('Basic', '基本'), fields: ['name', 'kind', 'territory', 'rebate_rate'] }] },
  ],
  permissions: { roles: { clerk: { label: l('Clerk', '文员'), entities: { customer: { actions: ['read', 'create', 'update', 'import'], scope: 'all' } } } } },
});

const notApplying = (field: string, en: string, zh: string) => ({ field, rule: 'record-type', message: en, messages: { en, zh } });
const REBATE_END = notApplying('rebate_rate', 'Rebate rate does not apply when Kind is End customer.', '客户类型为终端客户时不适用返利比例。');
const TERRITORY_REQUIRED = { field: 'territory', rule: 'required', message: 'Territory is required', messages: { en: 'Territory is required', zh: '授权区域为必填项' } };

forEachDatabase('record types: fields, required fields per kind on every write', (getCtx) => {
  let rt: TestRuntime;
  let clerk: SessionClient;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: app(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    await rt.createUser({ username: 'clerk', password: 'clerk-password-1', roles: ['clerk'] });
    clerk = await rt.login('clerk', 'clerk-password-1');
  }, 60_000);
  afterAll(() => rt?.close());

  const create = (body: Record<string, unknown>) => clerk.call('POST', '/api/customers', body);
  const patch = (id: string, body: Record<string, unknown>) => clerk.call('PATCH', `/api/customers/${id}`, body);
  const read = async (id: string) => (await clerk.call('GET', `/api/customers/${id}`)).body.data;
  const failure = (res: { status: number; body: { error: { code: string; details: unknown } } }) => ({ status: res.status, code: res.body.error?.code, details: res.body.error?.details });
  const count = async () => Number((await rt.runtime.knex('app_kinds.customer').count({ n: '*' }))[0].n);

  it('create: each kind takes its own fields; another kind\'s field and a missing required one are refused in both languages', async () => {
    const distributor = await create({ name: 'North Trading', kind: 'distributor', territory: 'Hebei', rebate_rate: 3 });
    expect(distributor.status).toBe(201);
    expect(distributor.body.data).toMatchObject({ kind: 'distributor', territory: 'Hebei', rebate_rate: 3 });
    // No kind given: the default kind, whose form has none of the distributor's fields.
    const plain = await create({ name: 'Plain Ltd' });
    expect(plain.status).toBe(201);
    expect(plain.body.data.kind).toBe('end_customer');
    const before = await count();
    expect(failure(await create({ name: 'Wrong', rebate_rate: 5 }))).toEqual({ status: 422, code: 'validation_failed', details: [REBATE_END] });
    expect(failure(await create({ name: 'No territory', kind: 'distributor' }))).toEqual({ status: 422, code: 'validation_failed', details: [TERRITORY_REQUIRED] });
    const agent = await create({ name: 'Agent with rebate', kind: 'agent', commission_rate: 2, territory: 'Hebei' });
    expect(failure(agent).details).toEqual([notApplying('territory', 'Territory does not apply when Kind is Agent.', '客户类型为代理商时不适用授权区域。')]);
    expect(await count()).toBe(before);
    expect((await create({ name: 'Agent', kind: 'agent', commission_rate: 2 })).status).toBe(201);
  });

  it('update: judged on the stored record merged with the change', async () => {
    const d = (await create({ name: 'South Trading', kind: 'distributor', territory: 'Guangdong' })).body.data;
    // The stored kind (distributor) lets the rebate rate in.
    expect((await patch(d.id, { rebate_rate: 4 })).status).toBe(200);
    expect(failure(await patch(d.id, { territory: null })).details).toEqual([TERRITORY_REQUIRED]);
    // Becoming an end customer while the distributor's fields still hold values is refused…
    const res = await patch(d.id, { kind: 'end_customer' });
    expect(failure(res).details).toEqual([notApplying('territory', 'Territory does not apply when Kind is End customer.', '客户类型为终端客户时不适用授权区域。'), REBATE_END]);
    expect(await read(d.id)).toMatchObject({ kind: 'distributor', territory: 'Guangdong', rebate_rate: 4 });
    // …and passes when the change clears them.
    const ok = await patch(d.id, { kind: 'end_customer', territory: null, rebate_rate: null });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ kind: 'end_customer', territory: null, rebate_rate: null });
    const e = (await create({ name: 'East Retail' })).body.data;
    expect(failure(await patch(e.id, { rebate_rate: 1 })).details).toEqual([REBATE_END]);
    expect(failure(await patch(e.id, { kind: 'distributor' })).details).toEqual([TERRITORY_REQUIRED]);
  });

  it('update: a field no kind decides is one statement; a decisive one still reads the stored record', async () => {
    const id = (await create({ name: 'Quick Edit Co', kind: 'distributor', territory: 'Hubei' })).body.data.id as string;
    const statements: string[] = [];
    const listen = (q: { sql: string }) => statements.push(q.sql.trim());
    rt.runtime.knex.on('query', listen);
    try {
      expect((await patch(id, { name: 'Quick Edit Company' })).status).toBe(200);
      expect(statements).toEqual([expect.stringMatching(/^update /)]);
      statements.length = 0;
      // The type field, a kind's own field, a field a kind requires: the merged record decides.
      expect(failure(await patch(id, { territory: null }))).toEqual({ status: 422, code: 'validation_failed', details: [TERRITORY_REQUIRED] });
      expect(statements.some((sql) => /for update$/.test(sql))).toBe(true);
    } finally {
      rt.runtime.knex.off('query', listen);
    }
  });

  it('bulk: an item of the wrong kind fails the request; nothing is written', async () => {
    const before = await count();
    const res = await clerk.call('POST', '/api/customers/bulk', { create: [{ name: 'Bulk ok', kind: 'distributor', territory: 'Anhui' }, { name: 'Bulk bad', commission_rate: 7 }] });
    expect(res.status).toBe(422);
    const failed = res.body.error.details.find((d: { index: number; op: string }) => d.op === 'create' && d.index === 1);
    expect(failed).toMatchObject({ status: 422, error: { code: 'validation_failed', details: [{ field: 'commission_rate', rule: 'record-type', message: 'Commission rate does not apply when Kind is End customer.' }] } });
    expect(await count()).toBe(before);
  });

  it('import: a row of the wrong kind is rejected with its reason, the others go in', async () => {
    const csv = ['Name,Kind,Territory,Rebate rate', 'Imp distributor,distributor,Jiangsu,2', 'Imp end,end_customer,,6', 'Imp no territory,distributor,,1'].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'customers.csv');
    const up = await fetch(`${rt.url}/api/customers/imports`, { method: 'POST', body: form, headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken } });
    const { data } = await up.json();
    expect((await clerk.call('POST', `/api/customers/imports/${data.id}/start`, { mapping: data.mapping, mode: 'create' })).status).toBe(202);
    const done = await waitFor('the import', async () => {
      const res = (await clerk.call('GET', `/api/customers/imports/${data.id}`)).body.data;
      return res.status === 'running' ? undefined : res;
    });
    expect(done).toMatchObject({ status: 'done', created: 1, rejected: 2 });
    const rejected = (await (await fetch(`${rt.url}${done.resultUrl}`, { headers: { cookie: clerk.cookie } })).text());
    expect(rejected).toContain('Rebate rate does not apply when Kind is End customer.');
    // The import words a required field its own way (by the rule), in the importer's language.
    expect(rejected).toContain('Territory: is required');
    const names = ((await clerk.call('GET', '/api/customers?limit=200')).body.data as { name: string }[]).map((c) => c.name);
    expect(names).toContain('Imp distributor');
    expect(names).not.toContain('Imp end');
  });
});
