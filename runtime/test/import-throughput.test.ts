import { createTestRuntime, forEachDatabase, waitFor, type TestRuntime } from '@tessera/runtime';
import { customerEntity } from './fixtures';

/** A 10,000-row CSV through the whole path (upload, parse, write door, batches, progress); prints rows/s. PGlite gets 2,000 rows. */
forEachDatabase('import throughput', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    const customer = customerEntity();
    customer.properties.email['x-unique'] = true;
    rt = await createTestRuntime({ app: { name: 'import_speed', label: { en: 'Import speed' }, layouts: [], entities: [customer] }, databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  it('imports a large CSV, reporting progress on the way', async () => {
    const rows = getCtx().kind === 'postgres' ? 10_000 : 2_000;
    const lines = ['Name,Email,Employees,Founded,Tier,Active,Revenue'];
    for (let i = 0; i < rows; i++) lines.push(`Company ${i},c${i}@example.com,"${(i * 7) % 5000}",2024/${(i % 12) + 1}/${(i % 28) + 1},${i % 2 ? 'Gold' : 'Silver'},${i % 3 ? '是' : '否'},"¥${(i % 999) + 1},000.50"`);
    const form = new FormData();
    form.append('file', new Blob([lines.join('\n')], { type: 'text/csv' }), 'big.csv');
    const t0 = Date.now();
    const up = await fetch(`${rt.url}/api/customers/imports`, { method: 'POST', body: form, headers: { cookie: rt.admin.cookie, 'x-csrf-token': rt.admin.csrfToken } });
    const { data } = await up.json();
    expect(data.mapping).toMatchObject({ Name: 'name', Email: 'email', Revenue: 'revenue' });
    const t1 = Date.now();
    expect((await rt.admin.call('POST', `/api/customers/imports/${data.id}/start`, { mapping: data.mapping, mode: 'skip' })).status).toBe(202);
    const seen = new Set<number>();
    const done = await waitFor('the import', async () => {
      const res = (await rt.admin.call('GET', `/api/customers/imports/${data.id}`)).body.data;
      seen.add(res.processed);
      return res.status === 'running' ? undefined : res;
    }, 300_000);
    const t2 = Date.now();
    expect(done).toMatchObject({ status: 'done', processed: rows, created: rows, rejected: 0 });
    // Progress moved in batches, not all at the end. On PostgreSQL only: PGlite has one connection,
    // so a progress read may wait behind the batches until the last one.
    if (getCtx().kind === 'postgres') expect(seen.size).toBeGreaterThan(1);
    // eslint-disable-next-line no-console
    console.log(`import ${getCtx().kind}: ${rows} rows — upload ${t1 - t0} ms, run ${t2 - t1} ms, ${Math.round(rows / ((t2 - t1) / 1000))} rows/s`);
  }, 300_000);
});
