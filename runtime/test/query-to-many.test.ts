import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import type { AppDefinition } from '@tessera/metadata';
import type { SessionClient } from '../src/testing/create-session-client';

const text = (id: string, en: string) => ({ 'x-id': id, 'x-type': 'text', 'x-label': { en } });
const SCHEMA = 'app_to_many';

/**
 * Customers with contacts (the one-to-many inverse, soft-deleted, one hidden field for reps,
 * own scope for reps) and tags (many-to-many). Reps read every customer and tag.
 */
function toManyApp(): AppDefinition {
  return {
    name: 'to_many',
    label: { en: 'To-many filters' },
    layouts: [],
    entities: [
      {
        type: 'object',
        'x-name': 'customer',
        'x-plural': 'customers',
        'x-label': { en: 'Customer' },
        properties: {
          name: text('cu_name', 'Name'),
          tags: { 'x-id': 'cu_tags', 'x-type': 'relation', 'x-label': { en: 'Tags' }, 'x-relation': { entity: 'tag', kind: 'many-to-many' } },
        },
      },
      {
        type: 'object',
        'x-name': 'contact',
        'x-plural': 'contacts',
        'x-label': { en: 'Contact' },
        'x-soft-delete': true,
        properties: {
          full_name: text('co_name', 'Full name'),
          secret: text('co_secret', 'Secret'),
          customer: { 'x-id': 'co_customer', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
        },
      },
      { type: 'object', 'x-name': 'tag', 'x-plural': 'tags', 'x-label': { en: 'Tag' }, properties: { label: text('ta_label', 'Label') } },
    ],
    permissions: {
      roles: {
        rep: {
          label: { en: 'Rep' },
          entities: {
            customer: { actions: ['read', 'create', 'update'], scope: 'all' },
            contact: { actions: ['read', 'create'], scope: 'own', fields: { secret: 'hidden' } },
            tag: { actions: ['read'], scope: 'all' },
          },
        },
      },
    },
  } as AppDefinition;
}

const INJECTION = ["'; drop table app_to_many.customer; --", "' OR '1'='1", '1) or (1=1', '%', '_', '\\', '深圳\'--', '{"$ne":null}', 'Li" or "1"="1'];

forEachDatabase('filters over to-many relations and through users', (getCtx) => {
  let rt: TestRuntime;
  let rep: SessionClient;
  const ids: Record<string, string> = {};

  const create = async (client: SessionClient, plural: string, body: Record<string, unknown>) => {
    const res = await client.call('POST', `/api/${plural}`, body);
    if (res.status !== 201) throw new Error(res.text);
    return res.body.data.id as string;
  };
  const names = async (client: SessionClient, query: string) => {
    const res = await client.call('GET', `/api/customers?sort=name&${query}`);
    expect(res.status).toBe(200);
    return res.body.data.map((r: { name: string }) => r.name);
  };
  const snapshot = async () => {
    const rows = await Promise.all(['customer', 'contact', 'tag', 'customer__tags'].map((t) => rt.runtime.knex.withSchema(SCHEMA).table(t).count({ n: '*' })));
    const users = await rt.runtime.knex.withSchema('tessera').table('users').select('username', 'password_hash').orderBy('username');
    return { rows: rows.map(([r]) => Number(r.n)), users };
  };
  /** Statements sent for the app's tables while `run` runs (session lookups are not counted). */
  const appQueries = async (run: () => Promise<unknown>) => {
    const seen: string[] = [];
    const listener = (q: { sql: string }) => q.sql.includes(SCHEMA) && seen.push(q.sql);
    rt.runtime.knex.on('query', listener);
    try {
      await run();
    } finally {
      rt.runtime.knex.removeListener('query', listener);
    }
    return seen;
  };

  beforeAll(async () => {
    rt = await createTestRuntime({ app: toManyApp(), databaseUrl: getCtx().databaseUrl });
    const departments = rt.runtime.knex.withSchema('tessera').table('departments');
    const [sales] = await departments.clone().insert({ name: 'Sales' }).returning('id');
    const [support] = await departments.clone().insert({ name: 'Support' }).returning('id');
    await rt.createUser({ username: 'li', password: 'li-password-123', displayName: 'Li Lei', roles: ['rep'], departmentId: sales.id });
    await rt.createUser({ username: 'han', password: 'han-password-123', displayName: 'Han Mei', roles: ['rep'], departmentId: support.id });
    rep = await rt.login('li', 'li-password-123');
    const han = await rt.login('han', 'han-password-123');

    ids.vip = await create(rt.admin, 'tags', { label: 'vip' });
    ids.new = await create(rt.admin, 'tags', { label: 'new' });
    // Owned by li (Sales), han (Support) and the admin (no department).
    ids.acme = await create(rep, 'customers', { name: 'Acme', tags: [ids.vip] });
    ids.beta = await create(han, 'customers', { name: 'Beta', tags: [ids.new, ids.vip] });
    ids.gamma = await create(rt.admin, 'customers', { name: 'Gamma' });
    await create(rep, 'contacts', { full_name: 'Li Ming', customer: ids.acme });
    await create(rep, 'contacts', { full_name: 'Wang Fang', customer: ids.acme });
    // Gamma's contacts: one soft-deleted, one the rep may not see (the admin's, with a secret).
    ids.gone = await create(rt.admin, 'contacts', { full_name: 'Li Deleted', customer: ids.gamma });
    expect((await rt.admin.call('DELETE', `/api/contacts/${ids.gone}`)).status).toBe(204);
    await create(rt.admin, 'contacts', { full_name: 'Zhao Hidden', secret: 'pssst', customer: ids.gamma });
  });
  afterAll(() => rt?.close());

  it('one-to-many: customers having at least one matching contact, each once', async () => {
    expect(await names(rt.admin, 'filter[contacts.full_name][contains]=li')).toEqual(['Acme']);
    // Acme has two contacts matching "n": still one row (EXISTS, not a join).
    expect(await names(rt.admin, 'filter[contacts.full_name][contains]=n')).toEqual(['Acme', 'Gamma']);
    const json = encodeURIComponent(JSON.stringify({ or: [{ 'contacts.full_name': { startsWith: 'wang' } }, { name: 'Beta' }] }));
    expect(await names(rt.admin, `filter=${json}`)).toEqual(['Acme', 'Beta']);
  });

  it('a soft-deleted child never matches', async () => {
    expect(await names(rt.admin, `filter[contacts.full_name]=${encodeURIComponent('Li Deleted')}`)).toEqual([]);
    // It is still in the table: the filter, not the data, leaves it out.
    const row = await rt.runtime.knex.withSchema(SCHEMA).table('contact').where({ id: ids.gone }).first('deleted_at');
    expect(row.deleted_at).not.toBeNull();
  });

  it('many-to-many: customers linked to a matching tag', async () => {
    expect(await names(rt.admin, 'filter[tags.label]=vip')).toEqual(['Acme', 'Beta']);
    expect(await names(rt.admin, 'filter[tags.label]=new')).toEqual(['Beta']);
    expect(await names(rt.admin, 'filter[tags.label][ne]=vip')).toEqual(['Beta']);
  });

  it('two hops mixing kinds: contacts by their customer\'s tags', async () => {
    const res = await rt.admin.call('GET', '/api/contacts?sort=full_name&filter[customer.tags.label]=vip');
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: { full_name: string }) => c.full_name)).toEqual(['Li Ming', 'Wang Fang']);
  });

  it('paths through the owner to the department and username', async () => {
    expect(await names(rt.admin, 'filter[owner.department.name]=Sales')).toEqual(['Acme']);
    expect(await names(rt.admin, 'filter[owner.department.name][in]=Sales,Support')).toEqual(['Acme', 'Beta']);
    expect(await names(rt.admin, 'filter[owner.username]=han')).toEqual(['Beta']);
    expect(await names(rt.admin, 'filter[owner.displayName][contains]=li')).toEqual(['Acme']);
    expect(await names(rt.admin, 'filter[owner.department.id][isNull]=false')).toEqual(['Acme', 'Beta']);
    const dept = await rt.runtime.knex.withSchema('tessera').table('departments').where({ name: 'Support' }).first('id');
    expect(await names(rt.admin, `filter[owner.department.id]=${dept.id}`)).toEqual(['Beta']);
  });

  it.each(['owner.password_hash', 'owner.roles', 'owner.email', 'owner.department.parent_id', 'created_by.failed_logins'])('%s is not reachable: 400 naming the path', async (path) => {
    const res = await rt.admin.call('GET', `/api/customers?filter[${path}]=x`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_query');
    expect(res.body.error.details[0]).toMatchObject({ parameter: `filter[${path}]` });
    expect(res.body.error.details[0].message).toContain(`"${path}"`);
  });

  it('a to-many path in sort is a 400 that says why', async () => {
    const res = await rt.admin.call('GET', '/api/customers?sort=contacts.full_name');
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ parameter: 'sort', message: expect.stringContaining('"contacts" is a to-many relation') }]);
  });

  it('a hidden field of the related entity is a 400 indistinguishable from an unknown one', async () => {
    expect(await names(rt.admin, 'filter[contacts.secret]=pssst')).toEqual(['Gamma']);
    const hidden = await rep.call('GET', '/api/customers?filter[contacts.secret]=pssst');
    const unknown = await rep.call('GET', '/api/customers?filter[contacts.nosuch]=pssst');
    expect(hidden.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(hidden.body).replace(/secret/g, 'X')).toBe(JSON.stringify(unknown.body).replace(/nosuch/g, 'X'));
  });

  it('related rows outside the reader\'s scope do not decide a match (no oracle)', async () => {
    // The rep reads every customer but only their own contacts: Gamma's "Zhao Hidden" is the admin's.
    expect(await names(rep, 'filter[contacts.full_name]=Zhao Hidden')).toEqual([]);
    expect(await names(rt.admin, 'filter[contacts.full_name]=Zhao Hidden')).toEqual(['Gamma']);
    expect(await names(rep, 'filter[contacts.full_name][contains]=li')).toEqual(['Acme']);
    const agg = await rep.call('GET', `/api/customers/aggregate?measures=count&filter[contacts.full_name]=${encodeURIComponent('Zhao Hidden')}`);
    expect(agg.status).toBe(200);
    expect(agg.body.data[0].count).toBe(0);
  });

  it('injection-looking values are refused or match nothing, and change nothing', async () => {
    const before = await snapshot();
    for (const value of INJECTION) {
      for (const path of ['contacts.full_name', 'tags.label', 'owner.department.name', 'owner.username', 'owner.department.id']) {
        const res = await rt.admin.call('GET', `/api/customers?filter[${path}]=${encodeURIComponent(value)}`);
        expect([200, 400]).toContain(res.status);
        if (res.status === 200) expect(res.body.data).toEqual([]);
        else expect(res.body.error.code).toBe('invalid_query');
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the filter adds no query: one statement filters, the same count as unfiltered', async () => {
    const plain = await appQueries(() => rt.admin.call('GET', '/api/contacts?count=false'));
    const filtered = await appQueries(() => rt.admin.call('GET', '/api/contacts?count=false&filter[customer.tags.label]=vip&filter[owner.department.name]=Sales'));
    expect(filtered).toHaveLength(1);
    expect(filtered.length).toBe(plain.length);
    const customers = await appQueries(() => rt.admin.call('GET', '/api/customers?count=false&filter[contacts.full_name][contains]=li&filter[tags.label]=vip'));
    const customersPlain = await appQueries(() => rt.admin.call('GET', '/api/customers?count=false'));
    expect(customers.length).toBe(customersPlain.length);
    expect(customers.filter((sql) => sql.includes('exists'))).toHaveLength(1);
  });
});
