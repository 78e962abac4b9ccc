import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

const INJECTION = ["'; drop table app_crm_test.customer; --", '1 or 1=1', "' OR '1'='1", '1); delete from app_crm_test.customer; --', '"name"', '\\', '%00', '${1}', '?', '深圳\'--', "name'", 'name desc; --', '-', ',', '[', '{"$ne":null}'];

forEachDatabase('records: the query language', (getCtx) => {
  let rt: TestRuntime;
  const get = (path: string) => rt.admin.call('GET', path);
  /** SQL sent for the app's tables during `run` (session lookups and the like are not counted). */
  const appQueries = async (run: () => Promise<unknown>) => {
    const seen: string[] = [];
    const listener = (q: { sql: string }) => q.sql.includes('app_crm_test') && seen.push(q.sql);
    rt.runtime.knex.on('query', listener);
    try {
      await run();
    } finally {
      rt.runtime.knex.removeListener('query', listener);
    }
    return seen;
  };
  const snapshot = async () => {
    const [customers, contacts] = await Promise.all([
      rt.runtime.knex.withSchema('app_crm_test').table('customer').select('id', 'name', 'version').orderBy('id'),
      rt.runtime.knex.withSchema('app_crm_test').table('contact').select('id', 'full_name', 'version').orderBy('id'),
    ]);
    return { customers, contacts };
  };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl });
    const customers = [
      { name: '深圳华为技术有限公司', tier: 'gold', revenue: 1000, employees: 100, founded: '2020-01-15', email: 'info@huawei.example' },
      { name: 'Acme 50% off', tier: 'silver', revenue: 500, employees: 10, founded: '2020-01-20' },
      { name: 'Beta_Co', revenue: null, employees: 10, founded: '2021-03-01' },
      { name: 'Gamma', tier: 'gold', revenue: 1000, employees: 7, founded: '2021-03-09' },
      { name: 'Delta', tier: 'silver', revenue: 20, employees: null },
      { name: 'Epsilon', revenue: 20, employees: 3 },
      { name: 'Zeta', tier: 'gold' },
    ];
    for (const body of customers) {
      const res = await rt.admin.call('POST', '/api/customers', body);
      if (res.status !== 201) throw new Error(res.text);
      ids[body.name] = res.body.data.id;
    }
    for (const [i, name] of Object.keys(ids).entries()) {
      for (let k = 0; k < (i % 3) + 1; k++) {
        const res = await rt.admin.call('POST', '/api/contacts', { full_name: `${name} contact ${k}`, customer: ids[name] });
        if (res.status !== 201) throw new Error(res.text);
      }
    }
  });
  afterAll(() => rt?.close());

  const names = (res: { body: { data: { name: string }[] } }) => res.body.data.map((r) => r.name);

  it('finds 华为 inside 深圳华为技术有限公司, and treats % and _ as plain characters', async () => {
    expect(names(await get(`/api/customers?q=${encodeURIComponent('华为')}`))).toEqual(['深圳华为技术有限公司']);
    expect(names(await get('/api/customers?q=%25'))).toEqual(['Acme 50% off']);
    expect(names(await get('/api/customers?q=_'))).toEqual(['Beta_Co']);
    expect(names(await get('/api/customers?q=HUAWEI.example'))).toEqual(['深圳华为技术有限公司']);
  });

  it('filters with the bracket form and the JSON form', async () => {
    const bracket = await get('/api/customers?filter[tier][in]=gold,silver&filter[revenue][gte]=500&sort=name');
    expect(bracket.status).toBe(200);
    expect(names(bracket)).toEqual(['Acme 50% off', 'Gamma', '深圳华为技术有限公司']);
    const filter = { or: [{ tier: { isNull: true } }, { and: [{ tier: 'gold' }, { employees: { lt: 50 } }] }] };
    const json = await get(`/api/customers?sort=name&filter=${encodeURIComponent(JSON.stringify(filter))}`);
    expect(names(json)).toEqual(['Beta_Co', 'Epsilon', 'Gamma']);
    expect(names(await get('/api/customers?sort=name&filter[tier][ne]=gold'))).toEqual(['Acme 50% off', 'Beta_Co', 'Delta', 'Epsilon']);
    expect(names(await get('/api/customers?sort=name&filter[founded][between]=2020-01-01,2020-12-31'))).toEqual(['Acme 50% off', '深圳华为技术有限公司']);
  });

  it('filters by a related record’s field (many-to-one path)', async () => {
    const res = await get(`/api/contacts?filter[customer.name][startsWith]=${encodeURIComponent('深圳')}&sort=full_name`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: { full_name: string }) => c.full_name)).toEqual(['深圳华为技术有限公司 contact 0']);
  });

  it('sorts by several fields; keyset pages visit every row once, in order', async () => {
    const all = await get('/api/customers?sort=-revenue,name&limit=500');
    expect(names(all).slice(0, 3)).toEqual(['Gamma', '深圳华为技术有限公司', 'Acme 50% off']);
    expect(names(all).slice(-2)).toEqual(['Beta_Co', 'Zeta']); // NULL revenue last
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await get(`/api/customers?sort=-revenue,name&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      if (cursor) expect(page.body.total).toBeUndefined();
      seen.push(...names(page));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(names(all));
    // The default sort is newest first, with microsecond timestamps: the cursor must not lose them.
    const byDefault: string[] = [];
    cursor = null;
    do {
      const page: any = await get(`/api/customers?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      byDefault.push(...names(page));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(byDefault).toEqual(names(await get('/api/customers')));
    expect(byDefault).toHaveLength(7);
  });

  it('offset pages keep total; count=false drops it; fields= narrows records', async () => {
    const page = await get('/api/customers?limit=2&offset=2&sort=name');
    expect(page.body).toMatchObject({ total: 7, limit: 2, offset: 2, nextCursor: expect.any(String) });
    expect((await get('/api/customers?count=false')).body.total).toBeUndefined();
    const narrow = await get('/api/customers?fields=name,tier&sort=name&limit=1');
    expect(narrow.body.data).toEqual([{ id: expect.any(String), name: 'Acme 50% off', tier: 'silver' }]);
  });

  it('expands many-to-one and one-to-many, two levels, with one query per relation (no N+1)', async () => {
    let res: any;
    const list = await appQueries(async () => (res = await get('/api/contacts?expand=customer&count=false&limit=500')));
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(7);
    for (const c of res.body.data) expect(c.customer).toMatchObject({ id: expect.any(String), name: expect.any(String) });
    expect(list).toHaveLength(2);

    const deep = await appQueries(async () => (res = await get('/api/contacts?expand=customer.contacts&count=false&limit=500')));
    expect(deep).toHaveLength(3);
    const huawei = res.body.data.find((c: any) => c.customer.name === '深圳华为技术有限公司');
    expect(huawei.customer.contacts.map((c: any) => c.full_name)).toEqual(['深圳华为技术有限公司 contact 0']);

    const one = await appQueries(async () => (res = await get(`/api/customers/${ids.Gamma}?expand=contacts`)));
    expect(one).toHaveLength(2);
    expect(res.body.data.contacts.map((c: any) => c.full_name).sort()).toEqual(['Gamma contact 0', 'Gamma contact 1', 'Gamma contact 2'].slice(0, res.body.data.contacts.length));
    expect(res.body.data.contacts.length).toBeGreaterThan(0);
  });

  it('aggregates by field and date bucket with the same filters', async () => {
    const byTier = await get('/api/customers/aggregate?group=tier&measures=count,sum:revenue,avg:employees,max:founded');
    expect(byTier.status).toBe(200);
    expect(byTier.body.data).toEqual([
      { tier: 'gold', count: 3, 'sum:revenue': 2000, 'avg:employees': 53.5, 'max:founded': '2021-03-09' },
      { tier: 'silver', count: 2, 'sum:revenue': 520, 'avg:employees': 10, 'max:founded': '2020-01-20' },
      { tier: null, count: 2, 'sum:revenue': 20, 'avg:employees': 6.5, 'max:founded': '2021-03-01' },
    ]);
    const byMonth = await get('/api/customers/aggregate?group=founded:month&filter[founded][isNull]=false');
    expect(byMonth.body.data).toEqual([
      { 'founded:month': '2020-01-01', count: 2 },
      { 'founded:month': '2021-03-01', count: 2 },
    ]);
    const week = await get('/api/customers/aggregate?group=founded:week&filter[tier]=gold');
    expect(week.body.data).toEqual([
      { 'founded:week': '2020-01-13', count: 1 },
      { 'founded:week': '2021-03-08', count: 1 },
      { 'founded:week': null, count: 1 },
    ]);
    const today = await get('/api/customers/aggregate?group=created_at:day');
    // Buckets follow the workspace's calendar (TESSERA_JOBS_TZ, Asia/Shanghai by default), not UTC.
    const todayThere = new Intl.DateTimeFormat('en-CA', { timeZone: process.env.TESSERA_JOBS_TZ ?? 'Asia/Shanghai' }).format(new Date());
    expect(today.body.data).toEqual([{ 'created_at:day': todayThere, count: 7 }]);
  });

  const tierPath = '/api/customers/aggregate?group=tier&measures=count';
  const countOf = (body: { data: { count: number }[] }) => body.data.reduce((n, row) => n + row.count, 0);

  (getCtx().kind === 'postgres' ? it : it.skip)('identical aggregates asked at once share statements', async () => {
    const before = countOf((await get(tierPath)).body);
    // The table locked, the first statement waits, so all requests surely overlap; then released.
    const trx = await rt.runtime.knex.transaction();
    await trx.raw('lock table app_crm_test.customer in access exclusive mode');
    let answers: Awaited<ReturnType<typeof get>>[] = [];
    const statements = await appQueries(async () => {
      const asked = Promise.all(Array.from({ length: 12 }, () => get(tierPath)));
      const waiting = async () => Number((await rt.runtime.knex.raw("select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")).rows[0].n);
      while ((await waiting()) === 0) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 300));
      await trx.commit();
      answers = await asked;
    });
    expect(answers.map((a) => [a.status, countOf(a.body)])).toEqual(Array.from({ length: 12 }, () => [200, before]));
    expect(statements.length).toBeLessThanOrEqual(3);
  });

  it('an aggregate asked while the same one is in flight still counts a write made just before', async () => {
    const before = countOf((await get(tierPath)).body);
    const created = await rt.admin.call('POST', '/api/customers', { name: 'Counted' });
    const all = await Promise.all(Array.from({ length: 6 }, () => get(tierPath)));
    expect(all.map((a) => countOf(a.body))).toEqual(Array.from({ length: 6 }, () => before + 1));
    expect((await rt.admin.call('DELETE', `/api/customers/${created.body.data.id}`)).status).toBe(204);
    expect(countOf((await get(tierPath)).body)).toBe(before);
  });

  it('answers 400 invalid_query naming the parameter and the field', async () => {
    const res = await get('/api/customers?filter[colour]=red&sort=password');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_query');
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        { parameter: 'filter[colour]', message: expect.stringContaining('"colour"') },
        { parameter: 'sort', message: expect.stringContaining('"password"') },
      ]),
    );
  });

  it('an injection corpus through every parameter → 4xx (or no rows for free text), the tables unchanged', async () => {
    const before = await snapshot();
    const refused: string[] = [];
    for (const bad of INJECTION) {
      const v = encodeURIComponent(bad);
      const named = [
        `/api/customers?filter[${v}]=1`,
        `/api/customers?filter[name][${v}]=1`,
        `/api/customers?filter[employees][gt]=${v}`,
        `/api/customers?filter[revenue][between]=1,${v}`,
        `/api/customers?filter[id]=${v}`,
        `/api/customers?filter[founded]=${v}`,
        `/api/customers?filter[active]=${v}`,
        `/api/customers?filter[tier][in]=gold,${v}`,
        `/api/customers?filter=${v}`,
        `/api/customers?filter=${encodeURIComponent(JSON.stringify({ [bad]: 1 }))}`,
        `/api/customers?sort=${v}`,
        `/api/customers?fields=${v}`,
        `/api/customers?limit=${v}`,
        `/api/customers?offset=${v}`,
        `/api/customers?cursor=${v}`,
        `/api/customers?count=${v}`,
        `/api/customers?expand=${v}`,
        `/api/customers?${v}=1`,
        `/api/customers/aggregate?group=${v}`,
        `/api/customers/aggregate?measures=sum:${v}`,
        `/api/customers/aggregate?measures=${v}`,
        `/api/customers/${ids.Gamma}?expand=${v}`,
        `/api/customers/${ids.Gamma}?fields=${v}`,
      ];
      for (const path of named) {
        const res = await get(path);
        if (res.status < 400 || res.status >= 500) refused.push(`${path} → ${res.status}`);
      }
      // Free-text values are legitimate input: bound, matched literally, finding nothing.
      for (const path of [`/api/customers?filter[name]=${v}`, `/api/customers?filter[name][contains]=${v}`, `/api/customers?q=${v}`, `/api/contacts?filter[customer.name]=${v}`]) {
        const res = await get(path);
        if (res.status !== 200 || res.body.data.length !== 0) refused.push(`${path} → ${res.status} ${res.body?.data?.length}`);
      }
    }
    expect(refused).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('ETag on GET/PATCH; a stale If-Match is 412 and writes nothing', async () => {
    const id = ids.Epsilon;
    const read = await get(`/api/customers/${id}`);
    expect(read.headers.get('etag')).toBe(`W/"${read.body.data.version}"`);
    const etag = read.headers.get('etag')!;
    const ok = await rt.admin.call('PATCH', `/api/customers/${id}`, { employees: 4 }, { 'if-match': etag });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe(`W/"${read.body.data.version + 1}"`);
    const stale = await rt.admin.call('PATCH', `/api/customers/${id}`, { employees: 99 }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('precondition_failed');
    const garbage = await rt.admin.call('PATCH', `/api/customers/${id}`, { employees: 99 }, { 'if-match': "1' or '1'='1" });
    expect(garbage.status).toBe(412);
    const staleDelete = await rt.admin.call('DELETE', `/api/customers/${id}`, undefined, { 'if-match': etag });
    expect(staleDelete.status).toBe(412);
    const after = await get(`/api/customers/${id}`);
    expect(after.body.data).toMatchObject({ employees: 4, version: read.body.data.version + 1 });
    const missing = await rt.admin.call('PATCH', '/api/customers/00000000-0000-4000-8000-000000000000', { employees: 1 }, { 'if-match': etag });
    expect(missing.status).toBe(404);
  });
});
