import { resolve } from 'node:path';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';

// The example CRM declares `x-indexes: [["industry", "level", "-annual_revenue", "-id"]]` on
// customer: a list filtered by industry and level, newest revenue first, walks that index
// and stops after the page instead of sorting every matching row.
forEachDatabase('x-indexes: the filtered, sorted list walks the composite index', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ appDir: resolve(__dirname, '../../examples/crm'), databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  it('creates the index with the list order (revenue desc nulls last, id desc)', async () => {
    const { rows } = await rt.runtime.knex.raw("select indexdef from pg_indexes where schemaname = 'app_crm' and tablename = 'customer' and indexname = 'customer_industry_level_annual_revenue_desc_id_desc_idx'");
    expect(rows.map((r: { indexdef: string }) => r.indexdef)).toEqual([expect.stringMatching(/\(industry, level, annual_revenue DESC NULLS LAST, id DESC\)$/)]);
  });

  it('the planner uses it for the API list query and needs no sort', async () => {
    const knex = rt.runtime.knex;
    await knex.raw(
      `insert into app_crm.customer (id, version, name, industry, level, annual_revenue)
       select gen_random_uuid(), 1, 'C' || i, (array['it','retail','finance','other'])[i % 4 + 1], (array['A','B','C','D'])[(i / 4) % 4 + 1], (i * 7919) % 100000
       from generate_series(1, 5000) as i`,
    );
    await knex.raw('analyze app_crm.customer');
    const sql: { sql: string; bindings: unknown[] }[] = [];
    const onQuery = (q: { sql: string; bindings: unknown[] }) => q.sql.includes('"t0"') && sql.push(q);
    knex.on('query', onQuery);
    const res = await rt.admin.call('GET', '/api/customers?filter[industry]=it&filter[level]=A&sort=-annual_revenue&limit=50&count=false');
    knex.removeListener('query', onQuery);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(50);
    const revenues = res.body.data.map((c: { annual_revenue: number }) => Number(c.annual_revenue));
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
    expect(sql).toHaveLength(1);
    // The statement the API sent, with its own parameters ($1, $2… in order → knex's ?).
    const plan = (await knex.raw(`explain (format json) ${sql[0].sql.replace(/\$\d+/g, '?')}`, sql[0].bindings as never)).rows[0]['QUERY PLAN'];
    const text = JSON.stringify(plan);
    expect(text).toContain('customer_industry_level_annual_revenue_desc_id_desc_idx');
    expect(text).not.toContain('"Node Type":"Sort"');
  });
});
