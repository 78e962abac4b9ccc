import type { AppDefinition, EntityDefinition, FieldDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';

const label = (en: string) => ({ en });
const text = (id: string) => ({ 'x-id': id, 'x-type': 'text', 'x-label': label(id) }) as FieldDefinition;
const toCustomer = (id: string, onTransfer?: unknown) => ({ 'x-id': id, 'x-type': 'relation', 'x-label': label('Customer'), 'x-relation': { entity: 'customer', kind: 'many-to-one', onDelete: 'cascade', ...(onTransfer ? { onTransfer } : {}) } }) as unknown as FieldDefinition;
const entity = (name: string, plural: string, properties: Record<string, FieldDefinition>): EntityDefinition => ({ type: 'object', 'x-name': name, 'x-plural': plural, 'x-label': label(name), 'x-display-field': 'name', properties: { name: text(`${name}_name`), ...properties } });
const select = (id: string, values: string[]) => ({ 'x-id': id, 'x-type': 'select', 'x-label': label(id), 'x-options': values.map((value) => ({ value, label: label(value) })) }) as FieldDefinition;

/** A customer and its children, one per transfer rule: all, open (workflow), open by a value, open by a date, none. */
const app = {
  name: 'transfertest',
  label: label('Transfer'),
  layouts: [],
  entities: [
    entity('customer', 'customers', {}),
    entity('contact', 'contacts', { customer: toCustomer('ct_c', 'all') }),
    entity('opportunity', 'opportunities', { customer: toCustomer('op_c', 'open'), stage: select('op_stage', ['qualification', 'won', 'lost']) }),
    entity('quote', 'quotes', { customer: toCustomer('qt_c', { open: { field: 'status', notIn: ['approved', 'rejected'] } }), status: select('qt_status', ['draft', 'approved', 'rejected']) }),
    entity('follow_up', 'follow_ups', { customer: toCustomer('fu_c', { open: { field: 'next_contact_at', fromNow: true } }), next_contact_at: { 'x-id': 'fu_next', 'x-type': 'datetime', 'x-label': label('Next') } as FieldDefinition }),
    entity('note', 'notes', { customer: toCustomer('nt_c') }),
  ],
  workflows: [{ name: 'pipeline', entity: 'opportunity', stateField: 'stage', machine: { initial: 'qualification', states: { qualification: { on: { WIN: { target: 'won' }, LOSE: { target: 'lost' } } }, won: { type: 'final' }, lost: { type: 'final' } } } }],
  permissions: {
    roles: {
      rep: { label: label('Rep'), entities: Object.fromEntries(['customer', 'contact', 'opportunity', 'quote', 'follow_up', 'note'].map((e) => [e, { actions: ['read', 'create', 'update', 'transition'], scope: 'own' }])) },
      mgr: { label: label('Manager'), entities: { customer: { actions: ['read', 'transfer'], scope: 'all' } } },
    },
  },
} as unknown as AppDefinition;

forEachDatabase('transfer with related records', (getCtx) => {
  let rt: TestRuntime;
  const as: Record<string, SessionClient> = {};
  const users: Record<string, string> = {};
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    for (const [name, role] of [['rep1', 'rep'], ['rep2', 'rep'], ['mgr', 'mgr']]) {
      users[name] = (await rt.createUser({ username: name, password: `${name}-password-1`, roles: [role] })).id;
      as[name] = await rt.login(name, `${name}-password-1`);
    }
    const make = async (who: SessionClient, plural: string, key: string, body: Record<string, unknown>) => {
      const res = await who.call('POST', `/api/${plural}`, body);
      expect(res.status).toBe(201);
      ids[key] = res.body.data.id;
    };
    await make(as.rep1, 'customers', 'acme', { name: 'Acme' });
    const customer = ids.acme;
    await make(as.rep1, 'contacts', 'c1', { name: 'c1', customer });
    await make(as.rep1, 'contacts', 'c2', { name: 'c2', customer });
    await make(rt.admin, 'contacts', 'colleague', { name: 'colleague', customer }); // another owner's: stays theirs
    await make(as.rep1, 'opportunities', 'open_deal', { name: 'open deal', customer });
    await make(as.rep1, 'opportunities', 'won_deal', { name: 'won deal', customer });
    expect((await as.rep1.call('POST', `/api/opportunities/${ids.won_deal}/transitions/WIN`, {})).status).toBe(200);
    await make(as.rep1, 'quotes', 'draft_quote', { name: 'draft quote', customer, status: 'draft' });
    await make(as.rep1, 'quotes', 'approved_quote', { name: 'approved quote', customer, status: 'approved' });
    await make(as.rep1, 'follow_ups', 'planned', { name: 'planned', customer, next_contact_at: new Date(Date.now() + 7 * 86_400_000).toISOString() });
    await make(as.rep1, 'follow_ups', 'done', { name: 'done', customer, next_contact_at: new Date(Date.now() - 7 * 86_400_000).toISOString() });
    await make(as.rep1, 'notes', 'note', { name: 'note', customer });
  });
  afterAll(() => rt?.close());

  const names = async (who: string, plural: string) => {
    const res = await as[who].call('GET', `/api/${plural}?filter[customer]=${ids.acme}&sort=name`);
    expect(res.status).toBe(200);
    return res.body.data.map((r: { name: string }) => r.name);
  };

  it('moves the children each relation says follow (all, open, open by value or date), not the rest, in one request', async () => {
    const res = await as.mgr.call('POST', `/api/customers/${ids.acme}/transfer`, { owner: users.rep2 });
    expect(res.status).toBe(200);
    expect(res.body.data.owner).toBe(users.rep2);
    expect(Object.fromEntries(res.body.moved.map((m: { entity: string; moved: number }) => [m.entity, m.moved]))).toEqual({ contact: 2, opportunity: 1, quote: 1, follow_up: 1 });
    expect(await names('rep2', 'contacts')).toEqual(['c1', 'c2']);
    expect(await names('rep2', 'opportunities')).toEqual(['open deal']);
    expect(await names('rep2', 'quotes')).toEqual(['draft quote']);
    expect(await names('rep2', 'follow_ups')).toEqual(['planned']);
    expect(await names('rep2', 'notes')).toEqual([]);
    // The old owner keeps only the closed ones and what has no rule.
    expect(await names('rep1', 'contacts')).toEqual([]);
    expect(await names('rep1', 'opportunities')).toEqual(['won deal']);
    expect(await names('rep1', 'quotes')).toEqual(['approved quote']);
    expect(await names('rep1', 'follow_ups')).toEqual(['done']);
    expect(await names('rep1', 'notes')).toEqual(['note']);
    const [colleague] = await rt.runtime.knex('app_transfertest.contact').where({ id: ids.colleague }).select('owner');
    expect(colleague.owner).not.toBe(users.rep2);
  });

  it('writes a transfer entry in the history of each moved record, by the manager', async () => {
    for (const [entityName, key] of [['customer', 'acme'], ['contact', 'c1'], ['contact', 'c2'], ['opportunity', 'open_deal'], ['quote', 'draft_quote'], ['follow_up', 'planned']]) {
      const rows = await rt.runtime.knex('tessera.audit_log').where({ entity: entityName, record_id: ids[key], action: 'transfer' }).select('actor_id', 'changes');
      expect(rows).toHaveLength(1);
      expect(rows[0].actor_id).toBe(users.mgr);
      expect(rows[0].changes).toEqual([{ field: 'owner', old: users.rep1, new: users.rep2 }]);
    }
    const [{ n }] = await rt.runtime.knex('tessera.audit_log').where({ record_id: ids.won_deal, action: 'transfer' }).count({ n: '*' });
    expect(Number(n)).toBe(0);
  });

  it('is one transaction: a child that cannot move leaves the customer and every other child where they were', async () => {
    const knex = rt.runtime.knex;
    await knex.raw(`create function app_transfertest.refuse_move() returns trigger language plpgsql as $$ begin raise exception 'follow-ups are frozen'; end $$`);
    await knex.raw('create trigger refuse_move before update on app_transfertest.follow_up for each row execute function app_transfertest.refuse_move()');
    try {
      const res = await as.mgr.call('POST', `/api/customers/${ids.acme}/transfer`, { owner: users.rep1 });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect((await knex('app_transfertest.customer').where({ id: ids.acme }).first('owner')).owner).toBe(users.rep2);
      expect(await names('rep2', 'contacts')).toEqual(['c1', 'c2']);
      expect(await names('rep2', 'opportunities')).toEqual(['open deal']);
      const [{ n }] = await knex('tessera.audit_log').where({ record_id: ids.c1, action: 'transfer' }).count({ n: '*' });
      expect(Number(n)).toBe(1);
    } finally {
      await knex.raw('drop trigger refuse_move on app_transfertest.follow_up');
    }
    // And without the obstacle it goes through whole.
    const back = await as.mgr.call('POST', `/api/customers/${ids.acme}/transfer`, { owner: users.rep1 });
    expect(back.status).toBe(200);
    expect(await names('rep1', 'contacts')).toEqual(['c1', 'c2']);
  });

  it('refuses a new owner who is not an active user, saying so in both languages; nothing moves', async () => {
    const leaver = (await rt.createUser({ username: 'leaver', password: 'leaver-password-1', roles: ['rep'] })).id;
    await rt.runtime.knex('tessera.users').where({ id: leaver }).update({ is_active: false });
    const res = await as.mgr.call('POST', `/api/customers/${ids.acme}/transfer`, { owner: leaver });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ field: 'owner', rule: 'invalid-value', message: 'must be the id of an active user', messages: { en: 'must be the id of an active user', zh: '必须是有效（未停用）的用户' } }]);
    expect((await rt.runtime.knex('app_transfertest.customer').where({ id: ids.acme }).first('owner')).owner).toBe(users.rep1);
    expect(await names('rep1', 'contacts')).toEqual(['c1', 'c2']);
  });
});
