import type { AppDefinition, EntityRule } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';

const label = (en: string) => ({ en });
const DATES: EntityRule = { id: 'dates', expr: 'end_date == null || start_date == null || end_date >= start_date', message: { en: 'The end date must not be before the start date', zh: '结束日期不能早于开始日期' }, fields: ['end_date'] };
const SIGNED: EntityRule = { id: 'signed-amount', expr: 'status != "signed" || amount > 0', message: { en: 'A signed contract needs an amount', zh: '已签合同需要金额' }, fields: ['amount'] };

/** Contracts with two rules and a workflow whose transitions write fields: SIGN through a transaction (its target arms a timer), CLOSE in one statement. */
function rulesApp(rules: EntityRule[] = [DATES, SIGNED]): AppDefinition {
  return {
    name: 'rules', label: label('Rules'), layouts: [],
    entities: [{
      type: 'object', 'x-id': 'e_contract', 'x-name': 'contract', 'x-plural': 'contracts', 'x-label': label('Contract'), 'x-rules': rules,
      properties: {
        title: { 'x-id': 'f_title', 'x-type': 'text', 'x-label': label('Title') },
        start_date: { 'x-id': 'f_start', 'x-type': 'date', 'x-label': label('Start') },
        end_date: { 'x-id': 'f_end', 'x-type': 'date', 'x-label': label('End') },
        amount: { 'x-id': 'f_amount', 'x-type': 'number', 'x-label': label('Amount') },
        status: { 'x-id': 'f_status', 'x-type': 'select', 'x-label': label('Status'), 'x-options': ['draft', 'signed', 'closed'].map((value) => ({ value, label: label(value) })) },
      },
    }],
    workflows: [{
      name: 'contract_status', entity: 'contract', stateField: 'status', version: 1,
      machine: {
        initial: 'draft',
        states: {
          draft: { on: {
            SIGN: { target: 'signed', actions: [{ type: 'setFields', params: { fields: { end_date: '2024-12-31' } } }] },
            CLOSE: { target: 'closed', actions: [{ type: 'setFields', params: { fields: { end_date: '2024-06-30' } } }] },
          } },
          signed: { after: { 3600000: { target: 'closed' } } },
          closed: { type: 'final' },
        },
      },
    }],
  };
}

const broken = (field: string, rule: string, message: string) => ({ status: 422, code: 'validation_failed', details: [{ field, rule, message }] });

forEachDatabase('x-rules: cross-field validation on every write path', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: rulesApp(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
  });
  afterAll(() => rt?.close());

  const create = (body: Record<string, unknown>) => rt.admin.call('POST', '/api/contracts', body);
  const read = async (id: string) => (await rt.admin.call('GET', `/api/contracts/${id}`)).body.data;
  const failure = (res: { status: number; body: { error: { code: string; details: unknown } } }) => ({ status: res.status, code: res.body.error?.code, details: res.body.error?.details });
  const count = async () => Number((await rt.runtime.knex('app_rules.contract').count({ n: '*' }))[0].n);

  it('create: a record breaking a rule → 422 naming the first field, the rule id and the English message; nothing stored', async () => {
    const before = await count();
    const res = await create({ title: 'Backwards', start_date: '2025-03-01', end_date: '2025-02-01' });
    expect(failure(res)).toEqual(broken('end_date', 'dates', 'The end date must not be before the start date'));
    expect(res.body.error.message).toBe('end_date: The end date must not be before the start date');
    expect(await count()).toBe(before);
    expect((await create({ title: 'Fine', start_date: '2025-01-01', end_date: '2025-02-01' })).status).toBe(201);
    // Empty dates satisfy the null-guarded rule.
    expect((await create({ title: 'Open ended', start_date: '2025-01-01' })).status).toBe(201);
  });

  it('update: a patch that breaks the rule only through the stored record → 422, the record unchanged; a fitting patch passes', async () => {
    const { id, version } = (await create({ title: 'Q1', start_date: '2025-01-01', end_date: '2025-03-31' })).body.data;
    const res = await rt.admin.call('PATCH', `/api/contracts/${id}`, { start_date: '2025-04-01' });
    expect(failure(res)).toEqual(broken('end_date', 'dates', 'The end date must not be before the start date'));
    expect(await read(id)).toMatchObject({ start_date: '2025-01-01', end_date: '2025-03-31', version });
    // A stale If-Match is the version's answer (412), not the rule's.
    expect((await rt.admin.call('PATCH', `/api/contracts/${id}`, { start_date: '2025-04-01' }, { 'If-Match': `"${version + 5}"` })).status).toBe(412);
    const ok = await rt.admin.call('PATCH', `/api/contracts/${id}`, { start_date: '2025-02-01' });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ start_date: '2025-02-01', end_date: '2025-03-31', version: version + 1 });
  });

  it('bulk: a failing create or update item fails the request with the rule in its details; nothing is written', async () => {
    const { id } = (await create({ title: 'Bulk', start_date: '2025-01-01', end_date: '2025-01-31' })).body.data;
    const before = await count();
    const res = await rt.admin.call('POST', '/api/contracts/bulk', {
      create: [{ title: 'ok', start_date: '2025-01-01' }, { title: 'bad', start_date: '2025-05-01', end_date: '2025-04-01' }],
      update: [{ id, start_date: '2025-02-15' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('bulk_failed');
    const failed = res.body.error.details.find((d: { index: number; op: string }) => d.op === 'create' && d.index === 1);
    expect(failed).toMatchObject({ status: 422, error: { code: 'validation_failed', details: [{ field: 'end_date', rule: 'dates', message: 'The end date must not be before the start date' }] } });
    expect(await count()).toBe(before);
    const update = await rt.admin.call('POST', '/api/contracts/bulk', { update: [{ id, start_date: '2025-02-15' }] });
    expect(update.body.error.details[0]).toMatchObject({ op: 'update', status: 422, error: { details: [{ field: 'end_date', rule: 'dates' }] } });
    expect(await read(id)).toMatchObject({ start_date: '2025-01-01' });
  });

  it('workflow setFields: checked on the stored record with the fields and the new state, on both commit paths', async () => {
    const later = (await create({ title: 'Later', start_date: '2025-01-01', amount: 5 })).body.data;
    const sign = await rt.admin.call('POST', `/api/contracts/${later.id}/transitions/SIGN`, {});
    expect(failure(sign)).toEqual(broken('end_date', 'dates', 'The end date must not be before the start date'));
    // The rule about the state: entering "signed" without an amount.
    const unpriced = (await create({ title: 'Unpriced', start_date: '2024-01-01' })).body.data;
    expect(failure(await rt.admin.call('POST', `/api/contracts/${unpriced.id}/transitions/SIGN`, {}))).toEqual(broken('amount', 'signed-amount', 'A signed contract needs an amount'));
    expect(await read(unpriced.id)).toMatchObject({ status: 'draft', end_date: null, version: unpriced.version });
    const priced = (await create({ title: 'Priced', start_date: '2024-01-01', amount: 5 })).body.data;
    expect((await rt.admin.call('POST', `/api/contracts/${priced.id}/transitions/SIGN`, {})).body.data).toMatchObject({ status: 'signed', end_date: '2024-12-31' });
    // CLOSE has no timer: the one-statement path checks the rules too.
    const close = await rt.admin.call('POST', `/api/contracts/${later.id}/transitions/CLOSE`, {});
    expect(failure(close)).toEqual(broken('end_date', 'dates', 'The end date must not be before the start date'));
    expect(await read(later.id)).toMatchObject({ status: 'draft', end_date: null });
    expect(await rt.runtime.knex('tessera.workflow_history').where({ record_id: later.id })).toHaveLength(0);
    const early = (await create({ title: 'Early', start_date: '2024-01-01' })).body.data;
    expect((await rt.admin.call('POST', `/api/contracts/${early.id}/transitions/CLOSE`, {})).body.data).toMatchObject({ status: 'closed', end_date: '2024-06-30' });
  });

  it('publish: a rule reading an unknown field → 422 invalid_metadata pointing at the expression with a did-you-mean', async () => {
    const { version } = (await rt.admin.call('GET', '/api/_meta/app')).body;
    const res = await rt.admin.call('POST', '/api/_meta/publish', { app: rulesApp([{ ...DATES, expr: 'end_date >= start_dat' }]), baseVersion: version });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_metadata');
    expect(res.body.error.details).toEqual([expect.objectContaining({ pointer: '/entities/0/x-rules/0/expr', code: 'rule-invalid', message: 'The rule "dates" reads "start_dat", which is not a field of contract.', hint: expect.stringMatching(/^Did you mean "start_date"\?/) })]);
    expect((await rt.admin.call('GET', '/api/_meta/app')).body.version).toBe(version);
  });
});
