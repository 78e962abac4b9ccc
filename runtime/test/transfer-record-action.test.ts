/**
 * The transferRecord workflow action on a record's own transition: the record (and the children
 * that follow a transfer) change hands inside the transition, the answer shows the new owner,
 * the history says "transfer", and a transfer that cannot happen rolls the transition back.
 */
import type { AppDefinition, EntityDefinition, FieldDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';

const label = (en: string) => ({ en });
const field = (id: string, type: string, extra: Record<string, unknown> = {}) => ({ 'x-id': id, 'x-type': type, 'x-label': label(id), ...extra }) as unknown as FieldDefinition;
const entity = (name: string, plural: string, properties: Record<string, FieldDefinition>): EntityDefinition => ({ type: 'object', 'x-name': name, 'x-plural': plural, 'x-label': label(name), 'x-display-field': 'name', properties: { name: field(`${name}_name`, 'text'), ...properties } });

const app = {
  name: 'handovertest',
  label: label('Handover'),
  layouts: [],
  entities: [
    entity('customer', 'customers', { successor: field('cu_successor', 'user'), phase: field('cu_phase', 'select', { 'x-options': ['active', 'handed_over'].map((value) => ({ value, label: label(value) })) }) }),
    entity('contact', 'contacts', { customer: field('ct_customer', 'relation', { 'x-relation': { entity: 'customer', kind: 'many-to-one', onDelete: 'cascade', onTransfer: 'all' } }) }),
  ],
  workflows: [{
    name: 'handover', entity: 'customer', stateField: 'phase',
    machine: {
      initial: 'active',
      states: {
        active: { on: { HAND_OVER: { target: 'handed_over', actions: [{ type: 'transferRecord', params: { entity: 'customer', record: { $expr: 'id' }, to: { $expr: 'successor' } } }] } } },
        handed_over: { type: 'final' },
      },
    },
  }],
  permissions: { roles: { rep: { label: label('Rep'), entities: { customer: { actions: ['read', 'create', 'update', 'transition'], scope: 'own' }, contact: { actions: ['read', 'create'], scope: 'own' } } } } },
} as unknown as AppDefinition;

forEachDatabase('the transferRecord workflow action', (getCtx) => {
  let rt: TestRuntime;
  const as: Record<string, SessionClient> = {};
  const users: Record<string, string> = {};
  beforeAll(async () => {
    rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    for (const name of ['rep1', 'rep2']) {
      users[name] = (await rt.createUser({ username: name, password: `${name}-password-1`, roles: ['rep'] })).id;
      as[name] = await rt.login(name, `${name}-password-1`);
    }
  });
  afterAll(() => rt?.close());

  const create = async (plural: string, body: Record<string, unknown>) => {
    const res = await as.rep1.call('POST', `/api/${plural}`, body);
    expect(res.status).toBe(201);
    return res.body.data.id as string;
  };

  it('hands the record itself and its following children over, inside its own transition', async () => {
    const customer = await create('customers', { name: 'Acme', successor: users.rep2 });
    const contact = await create('contacts', { name: 'Buyer', customer });
    const res = await as.rep1.call('POST', `/api/customers/${customer}/transitions/HAND_OVER`, {});
    expect(res.status).toBe(200);
    expect([res.body.data.phase, res.body.data.owner]).toEqual(['handed_over', users.rep2]);
    expect((await rt.admin.call('GET', `/api/contacts/${contact}`)).body.data.owner).toBe(users.rep2);
    const history = (await rt.admin.call('GET', `/api/customers/${customer}/history`)).body.data as { action: string; actor: { id: string } | null }[];
    expect(history.map((h) => h.action)).toEqual(['create', 'update', 'transfer']);
    expect(history[2].actor?.id).toBe(users.rep1);
  });

  it('rolls the transition back when there is nobody to hand it to, naming the field', async () => {
    const customer = await create('customers', { name: 'Orphan' });
    const contact = await create('contacts', { name: 'Buyer', customer });
    const res = await as.rep1.call('POST', `/api/customers/${customer}/transitions/HAND_OVER`, {});
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ field: 'successor', rule: 'invalid-value', message: 'is empty: choose the user who receives it', messages: { en: 'is empty: choose the user who receives it', zh: '为空：请选择接收人' } }]);
    const after = (await as.rep1.call('GET', `/api/customers/${customer}`)).body.data;
    expect([after.phase, after.owner]).toEqual(['active', users.rep1]);
    expect((await as.rep1.call('GET', `/api/contacts/${contact}`)).body.data.owner).toBe(users.rep1);
  });
});
