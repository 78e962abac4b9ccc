import path from 'node:path';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import type { SessionClient } from '../src/testing/create-session-client';

const exampleDir = path.resolve(__dirname, '..', '..', 'examples', 'crm');

interface Hit { id: string; title: string | null; field: string; value: string | null; rank: number }
interface Group { entity: string; plural: string; hits: Hit[] }

/**
 * `GET /api/_search` (ADR 0040): every entity the caller reads, their scope and hidden fields
 * inside the statement, ranked, phones by their digits; the trigram indexes the planner made.
 */
forEachDatabase('global search', (getCtx) => {
  let rt: TestRuntime;
  let sales1: SessionClient;
  let sales2: SessionClient;
  let marketing: SessionClient;
  const ids: Record<string, string> = {};

  const search = async (who: SessionClient, q: string, extra = '') => {
    const res = await who.call('GET', `/api/_search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.status).toBe(200);
    return res.body.data as Group[];
  };
  const titles = (groups: Group[], entity: string) => groups.find((g) => g.entity === entity)?.hits.map((h) => h.title) ?? [];

  beforeAll(async () => {
    rt = await createTestRuntime({ appDir: exampleDir, demoUsers: true, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    [sales1, sales2, marketing] = await Promise.all([rt.login('sales1', 'sales1-demo-123'), rt.login('sales2', 'sales2-demo-123'), rt.login('marketing', 'marketing-demo-123')]);
    const make = async (who: SessionClient, plural: string, body: Record<string, unknown>) => {
      const res = await who.call('POST', `/api/${plural}`, body);
      expect(res.status).toBe(201);
      return res.body.data.id as string;
    };
    ids.huawei = await make(sales1, 'customers', { name: '深圳华为技术有限公司', phone: '138-0013-8000', email: 'info@huawei.example' });
    ids.west = await make(sales2, 'customers', { name: '华为西部代理', phone: '139 1111 2222' });
    ids.contact = await make(sales1, 'contacts', { name: '王华为', customer: ids.huawei, phone: '+86 (10) 6552 9988' });
    ids.exact = await make(sales1, 'customers', { name: '华为' });
    ids.mailOnly = await make(sales1, 'customers', { name: '星河数码', email: 'huawei-partner@example.com' });
  });
  afterAll(() => rt?.close());

  it('a rep never sees another team\'s customer', async () => {
    const mine = titles(await search(sales1, '华为'), 'customer');
    expect(mine).toEqual(expect.arrayContaining(['深圳华为技术有限公司', '华为']));
    expect(mine).not.toContain('华为西部代理');
    expect(titles(await search(sales2, '华为'), 'customer')).toEqual(['华为西部代理']);
    // Entities the caller cannot read are not searched at all (marketing reads no bids, for one).
    const groups = await search(sales1, '华为');
    expect(groups.map((g) => g.entity)).toEqual(expect.arrayContaining(['customer', 'contact']));
  });

  it('ranks the exact title first, then prefix, then substring, then other fields', async () => {
    const hits = (await search(sales1, '华为')).find((g) => g.entity === 'customer')!.hits;
    expect(hits.map((h) => h.title)).toEqual(['华为', '深圳华为技术有限公司']);
    const huaweiLatin = (await search(sales1, 'huawei')).find((g) => g.entity === 'customer')!.hits;
    // Neither title has it: both match by email, the prefix one first.
    expect(huaweiLatin.map((h) => [h.title, h.field])).toEqual([['星河数码', 'email'], ['深圳华为技术有限公司', 'email']]);
    const contactHits = (await search(sales1, '华为')).find((g) => g.entity === 'contact')!.hits;
    expect(contactHits[0]).toMatchObject({ id: ids.contact, title: '王华为', field: 'name' });
    // Groups come in the order of their best hit: the customer named exactly 华为 beats the contact.
    expect((await search(sales1, '华为'))[0].entity).toBe('customer');
  });

  it('matches phone numbers ignoring spaces, dashes, brackets and the plus sign', async () => {
    for (const q of ['13800138000', '138 0013 8000', '138-0013', '0013-8000']) {
      const hit = (await search(sales1, q)).find((g) => g.entity === 'customer')?.hits[0];
      expect(hit).toMatchObject({ id: ids.huawei, field: 'phone', value: '138-0013-8000' });
    }
    const contact = (await search(sales1, '6552-9988')).find((g) => g.entity === 'contact')?.hits[0];
    expect(contact).toMatchObject({ id: ids.contact, field: 'phone' });
    // The same normalization in the list's q and so in every relation picker.
    const list = await sales1.call('GET', `/api/customers?q=${encodeURIComponent('138 0013 8000')}`);
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([ids.huawei]);
  });

  it('never searches or returns a field hidden from the caller', async () => {
    // marketing reads all contacts, but their phone is hidden from it.
    const byPhone = await search(marketing, '6552 9988');
    expect(byPhone.find((g) => g.entity === 'contact')).toBeUndefined();
    const byName = (await search(marketing, '王华为')).find((g) => g.entity === 'contact')!.hits;
    expect(byName[0]).toMatchObject({ id: ids.contact, field: 'name' });
    expect(JSON.stringify(byName)).not.toContain('6552');
  });

  it('limits hits per entity and refuses bad input with a clear 400', async () => {
    const one = await search(sales1, '华为', '&limit=1');
    expect(one.find((g) => g.entity === 'customer')!.hits).toHaveLength(1);
    for (const bad of ['/api/_search', '/api/_search?q=a&limit=0', '/api/_search?q=a&limit=x', '/api/_search?q=a&sort=name', `/api/_search?q=${'x'.repeat(300)}`]) {
      const res = await sales1.call('GET', bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_query');
    }
    expect(await search(sales1, '   ')).toEqual([]);
    expect((await fetch(`${rt.url}/api/_search?q=a`)).status).toBe(401);
  });

  it('the planner made trigram indexes for the display and searchable fields (a phone over its digits)', async () => {
    const { rows } = await rt.runtime.knex.raw("select indexname, indexdef from pg_indexes where schemaname = 'app_crm' and tablename = 'customer' and indexname like '%trgm%' order by indexname");
    const defs = Object.fromEntries(rows.map((r: { indexname: string; indexdef: string }) => [r.indexname, r.indexdef]));
    expect(Object.keys(defs).sort()).toEqual(['customer_email_trgm_idx', 'customer_name_trgm_idx', 'customer_phone_trgm_idx']);
    expect(defs.customer_name_trgm_idx).toMatch(/USING gin \(name (public\.)?gin_trgm_ops\)/);
    expect(defs.customer_phone_trgm_idx).toMatch(/regexp_replace\(\(?phone/);
  });

  // PostgreSQL only: 100,000 rows take PGlite minutes, and its planner is the same code anyway.
  it('at 100,000 customers the search is a trigram index scan, Chinese and phone digits alike', async () => {
    if (getCtx().kind !== 'postgres') return;
    const knex = rt.runtime.knex;
    await knex.raw(
      `insert into app_crm.customer (id, version, name, phone, email)
       select gen_random_uuid(), 1, (array['华为','腾讯','阿里','百度','京东'])[i % 5 + 1] || '科技' || i || '号分公司', '010-' || lpad(i::text, 8, '0'), 'c' || i || '@example.com'
       from generate_series(1, 100000) as i`,
    );
    // VACUUM, not only ANALYZE: it also moves the GIN indexes' pending list (100,000 fresh rows)
    // into the index, which the planner would otherwise price as a scan of that list.
    await knex.raw('vacuum analyze app_crm.customer');
    const explainApi = async (q: string) => {
      const sql: { sql: string; bindings: unknown[] }[] = [];
      const onQuery = (x: { sql: string; bindings: unknown[] }) => x.sql.includes('union all') && sql.push(x);
      knex.on('query', onQuery);
      const groups = await search(rt.admin, q);
      knex.removeListener('query', onQuery);
      expect(sql).toHaveLength(1);
      const plan = (await knex.raw(`explain (format json) ${sql[0].sql.replace(/\$\d+/g, '?')}`, sql[0].bindings as never)).rows[0]['QUERY PLAN'];
      return { groups, plan: JSON.stringify(plan) };
    };
    const chinese = await explainApi('科技77777号');
    expect(chinese.groups.find((g) => g.entity === 'customer')!.hits[0].title).toBe('阿里科技77777号分公司');
    expect(chinese.plan).toContain('customer_name_trgm_idx');
    expect(chinese.plan).not.toMatch(/"Node Type":"Seq Scan","Parallel Aware":(true|false),"Async Capable":(true|false),"Relation Name":"customer"/);
    const phone = await explainApi('0008 8888');
    expect(phone.groups.find((g) => g.entity === 'customer')!.hits[0]).toMatchObject({ value: '010-00088888', field: 'phone' });
    expect(phone.plan).toContain('customer_phone_trgm_idx');
  }, 300_000);
});
