import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, waitFor, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { contactEntity, customerEntity } from './fixtures';

/** The test app's customers with Chinese labels, a unique email and options labelled in both languages; a clerk who may create and update, a viewer who may only read. */
function importApp(): AppDefinition {
  const customer = customerEntity();
  customer.properties.name['x-label'] = { en: 'Name', zh: '客户名称' };
  customer.properties.employees['x-label'] = { en: 'Employees', zh: '员工数' };
  customer.properties.founded['x-label'] = { en: 'Founded', zh: '成立日期' };
  customer.properties.email['x-unique'] = true;
  customer.properties.tier['x-options'] = [{ value: 'gold', label: { en: 'Gold', zh: '金牌' } }, { value: 'silver', label: { en: 'Silver', zh: '银牌' } }];
  const grant = (actions: string[]) => ({ actions, scope: 'all' });
  return {
    name: 'import_test',
    label: { en: 'Import test' },
    layouts: [],
    entities: [customer, contactEntity()],
    permissions: {
      roles: {
        clerk: { label: { en: 'Clerk' }, entities: { customer: grant(['read', 'create', 'update', 'import']), contact: grant(['read', 'create', 'import']) } },
        creator: { label: { en: 'Creator' }, entities: { customer: grant(['read', 'create', 'import']) } },
        viewer: { label: { en: 'Viewer' }, entities: { customer: grant(['read']) } },
      },
    },
  } as AppDefinition;
}

forEachDatabase('import', (getCtx) => {
  let rt: TestRuntime;
  let clerk: SessionClient;
  let creator: SessionClient;
  let viewer: SessionClient;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: importApp(), databaseUrl: getCtx().databaseUrl });
    for (const [username, role] of [['clerk', 'clerk'], ['creator', 'creator'], ['viewer', 'viewer']]) await rt.createUser({ username, password: `${username}-password-1`, roles: [role] });
    clerk = await rt.login('clerk', 'clerk-password-1');
    creator = await rt.login('creator', 'creator-password-1');
    viewer = await rt.login('viewer', 'viewer-password-1');
  });
  afterAll(() => rt?.close());

  const upload = async (who: SessionClient, plural: string, bytes: Buffer | string, name = 'data.csv', type = 'text/csv') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(typeof bytes === 'string' ? Buffer.from(bytes) : bytes)], { type }), name);
    const res = await fetch(`${rt.url}/api/${plural}/imports`, { method: 'POST', body: form, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } });
    return { status: res.status, body: await res.json() };
  };
  const finished = (who: SessionClient, plural: string, id: string) =>
    waitFor(`import ${id}`, async () => {
      const res = await who.call('GET', `/api/${plural}/imports/${id}`);
      return res.body.data.status === 'running' ? undefined : res.body.data;
    });
  const run = async (who: SessionClient, plural: string, csv: Buffer | string, mode: string, mapping?: Record<string, string | null>) => {
    const up = await upload(who, plural, csv);
    expect(up.status).toBe(201);
    const start = await who.call('POST', `/api/${plural}/imports/${up.body.data.id}/start`, { mapping: mapping ?? up.body.data.mapping, mode });
    expect(start.status).toBe(202);
    return finished(who, plural, up.body.data.id);
  };
  const customersNamed = async (name: string) => (await rt.admin.call('GET', `/api/customers?filter[name]=${encodeURIComponent(name)}`)).body.data;

  it('maps columns by English and Chinese label and by field name, and previews the first rows with per-cell errors naming the field', async () => {
    const csv = ['客户名称,Employees,founded,Tier,Active,Email,Revenue,Unknown column', 'Acme,"1,200",2024/1/5,Gold,是,acme@example.com,"¥1,234.56",x', 'Bad Co,lots,2024-02-30,Platinum,maybe,bad@example.com,12,y', ',3,2024年1月5日,银牌,否,,,z'].join('\n');
    const up = await upload(clerk, 'customers', csv);
    expect(up.status).toBe(201);
    expect(up.body.data).toMatchObject({ status: 'uploaded', total: 3, format: 'csv', encoding: 'utf-8', mappingSource: 'automatic' });
    expect(up.body.data.mapping).toEqual({ 客户名称: 'name', Employees: 'employees', founded: 'founded', Tier: 'tier', Active: 'active', Email: 'email', Revenue: 'revenue', 'Unknown column': null });
    const preview = await clerk.call('GET', `/api/customers/imports/${up.body.data.id}/preview`);
    expect(preview.status).toBe(200);
    const [good, bad, nameless] = preview.body.data.rows;
    expect(good).toMatchObject({ row: 2, errors: [], values: { name: 'Acme', employees: 1200, founded: '2024-01-05', tier: 'gold', active: true, email: 'acme@example.com', revenue: 1234.56 } });
    expect(bad.errors.map((e: { message: string }) => e.message)).toEqual([
      'Employees: "lots" is not a number (write 1234.56, 1,234.56, ¥1,234.56 or 1.5万)',
      'Founded: "2024-02-30" is not a date (write 2024-01-05, 2024/1/5, 2024年1月5日 or 01/05/2024)',
      'Tier: "Platinum" is not one of the options: Gold, Silver',
      'Active: "maybe" is not yes or no (write yes/no, true/false or 是/否)',
    ]);
    expect(bad.errors[0]).toMatchObject({ column: 'Employees', field: 'employees' });
    expect(nameless.errors).toEqual([{ column: '客户名称', field: 'name', message: 'Name: is required' }]);
    // In Chinese, for a Chinese-speaking user.
    const zh = await clerk.call('GET', `/api/customers/imports/${up.body.data.id}/preview?locale=zh`);
    expect(zh.body.data.rows[1].errors[1].message).toBe('成立日期：“2024-02-30”不是日期（可写 2024-01-05、2024/1/5、2024年1月5日 或 01/05/2024）');
    // Nothing was written by an upload or a preview.
    expect(await customersNamed('Acme')).toEqual([]);
  });

  it('imports in skip mode: creates new rows, skips matches by the unique email, reports rejected rows as a CSV with reasons; remembers the mapping', async () => {
    await rt.admin.call('POST', '/api/customers', { name: 'Existing', email: 'exists@example.com', employees: 5 });
    const csv = ['Company,E-mail,Staff,Started', 'Alpha,alpha@example.com,10,2024-01-05', 'Existing again,exists@example.com,99,2024-01-05', 'Broken,broken@example.com,ten,31/12/2024', 'Alpha twin,alpha@example.com,11,2024-01-06'].join('\n');
    const mapping = { Company: 'name', 'E-mail': 'email', Staff: 'employees', Started: 'founded' };
    const result = await run(clerk, 'customers', csv, 'skip', mapping);
    expect(result.error).toBeNull();
    expect(result).toMatchObject({ status: 'done', total: 4, processed: 4, created: 1, updated: 0, skipped: 2, rejected: 1 });
    expect((await customersNamed('Existing'))[0].employees).toBe(5);
    const file = await fetch(`${rt.url}${result.resultUrl}`, { headers: { cookie: clerk.cookie } });
    expect(file.headers.get('content-type')).toMatch(/text\/csv/);
    const text = (await file.text()).replace(/^\ufeff/, '');
    expect(text.split('\n')[0]).toBe('Company,E-mail,Staff,Started,Row,Reason');
    expect(text).toContain('Broken,broken@example.com,ten,31/12/2024,4,"Employees: ""ten"" is not a number');
    expect(text).toContain('Founded: ""31/12/2024"" is not a date');
    // The next upload with the same headers starts from this mapping.
    const again = await upload(clerk, 'customers', 'Company,E-mail,Staff,Started\nBeta,beta@example.com,1,2024-01-01\n');
    expect(again.body.data).toMatchObject({ mapping, mappingSource: 'remembered' });
  });

  it('updates the match in update mode (and only the mapped, non-empty cells), creates anyway in create mode', async () => {
    await rt.admin.call('POST', '/api/customers', { name: 'Gamma', email: 'gamma@example.com', employees: 1, tier: 'silver' });
    const result = await run(clerk, 'customers', 'Name,Email,Employees,Tier\nGamma Ltd,gamma@example.com,50,\nDelta,delta@example.com,7,金牌\n', 'update');
    expect(result).toMatchObject({ status: 'done', created: 1, updated: 1, skipped: 0, rejected: 0 });
    const [gamma] = await customersNamed('Gamma Ltd');
    expect(gamma).toMatchObject({ email: 'gamma@example.com', employees: 50, tier: 'silver' });
    expect((await customersNamed('Delta'))[0].tier).toBe('gold');
    // Create anyway: a row whose email is taken is refused by the unique index, the others are created.
    const created = await run(clerk, 'customers', 'Name,Email\nDelta again,delta@example.com\nEpsilon,\nEpsilon,\n', 'create');
    expect(created).toMatchObject({ status: 'done', created: 2, rejected: 1 });
    expect(await customersNamed('Epsilon')).toHaveLength(2);
    // The audit names the import.
    const audit = await rt.runtime.knex('tessera.audit_log').where({ record_id: gamma.id }).orderBy('id', 'desc').first();
    expect(audit.request_id).toMatch(/^import:/);
  });

  it('reverts: deletes what the import created and restores what it updated; refuses when a newer write touched one', async () => {
    await rt.admin.call('POST', '/api/customers', { name: 'Zeta', email: 'zeta@example.com', employees: 3 });
    const result = await run(clerk, 'customers', 'Name,Email,Employees\nZeta Corp,zeta@example.com,30\nEta,eta@example.com,8\n', 'update');
    expect(result).toMatchObject({ created: 1, updated: 1 });
    const [eta] = await customersNamed('Eta');
    // Someone edits a record the import created: the revert would lose that, so it is refused.
    expect((await rt.admin.call('PATCH', `/api/customers/${eta.id}`, { employees: 9 })).status).toBe(200);
    const refused = await clerk.call('POST', `/api/customers/imports/${result.id}/revert`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('import_changed_since');
    expect(refused.body.error.details).toEqual([{ row: 3, id: eta.id, message: 'changed after the import' }]);
    expect(await customersNamed('Zeta Corp')).toHaveLength(1);

    const second = await run(clerk, 'customers', 'Name,Email,Employees\nZeta Corp 2,zeta@example.com,300\nTheta,theta@example.com,1\n', 'update');
    expect(second).toMatchObject({ created: 1, updated: 1 });
    const reverted = await clerk.call('POST', `/api/customers/imports/${second.id}/revert`);
    expect(reverted.status).toBe(200);
    expect(reverted.body.data).toMatchObject({ status: 'reverted', deleted: 1, restored: 1 });
    expect(await customersNamed('Theta')).toEqual([]);
    expect((await customersNamed('Zeta Corp'))[0]).toMatchObject({ employees: 30 });
    expect((await clerk.call('POST', `/api/customers/imports/${second.id}/revert`)).status).toBe(409);
  });

  it('needs the grant: a role without the import grant gets 403, update mode needs update; imports are their owner\'s', async () => {
    const denied = await upload(viewer, 'customers', 'Name\nNope\n');
    expect(denied.status).toBe(403);
    expect((await viewer.call('GET', '/api/customers/imports')).status).toBe(403);
    const up = await upload(creator, 'customers', 'Name,Email\nIota,iota@example.com\n');
    expect(up.status).toBe(201);
    const start = await creator.call('POST', `/api/customers/imports/${up.body.data.id}/start`, { mapping: up.body.data.mapping, mode: 'update' });
    expect(start.status).toBe(403);
    // Another user's import is not found; an unknown id neither.
    expect((await clerk.call('GET', `/api/customers/imports/${up.body.data.id}`)).status).toBe(404);
    expect((await clerk.call('GET', '/api/customers/imports/00000000-0000-4000-8000-000000000000')).body.error.code).toBe('import_not_found');
    const bad = await creator.call('POST', `/api/customers/imports/${up.body.data.id}/start`, { mapping: { Name: 'nope', Missing: 'name' }, mode: 'merge' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { message: string }) => d.message)).toEqual(['column "Name": "nope" is not a field you may import', 'the file has no column "Missing"', 'must be one of skip, update, create']);
  });

  it('reads a GBK CSV from Excel on a Chinese Windows', async () => {
    const csv = iconv.encode('客户名称,员工数,成立日期,Tier,Active\r\n华为技术,"1,000",2024年1月5日,金牌,是\r\n小米科技,200,2024/1/5,银牌,否\r\n', 'gbk');
    const up = await upload(clerk, 'customers', csv, '客户.csv');
    expect(up.body.data).toMatchObject({ encoding: 'gbk', fileName: '客户.csv', columns: ['客户名称', '员工数', '成立日期', 'Tier', 'Active'] });
    const start = await clerk.call('POST', `/api/customers/imports/${up.body.data.id}/start`, { mapping: up.body.data.mapping, mode: 'skip' });
    expect(start.status).toBe(202);
    expect(await finished(clerk, 'customers', up.body.data.id)).toMatchObject({ created: 2, rejected: 0 });
    expect((await customersNamed('华为技术'))[0]).toMatchObject({ employees: 1000, founded: '2024-01-05', tier: 'gold', active: true });
  });

  it('reads XLSX with real numbers, dates and booleans', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Customers');
    sheet.addRow(['Name', 'Employees', 'Founded', 'Active']);
    sheet.addRow(['Kappa', 12, new Date(Date.UTC(2023, 5, 1)), true]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const up = await upload(clerk, 'customers', bytes, 'c.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(up.body.data).toMatchObject({ format: 'xlsx', total: 1 });
    const preview = await clerk.call('GET', `/api/customers/imports/${up.body.data.id}/preview`);
    expect(preview.body.data.rows[0]).toMatchObject({ errors: [], values: { name: 'Kappa', employees: 12, founded: '2023-06-01', active: true } });
  });

  it('finds relations by display value or id; a missing or ambiguous one is a clear cell error', async () => {
    const one = (await rt.admin.call('POST', '/api/customers', { name: 'Lambda' })).body.data;
    await rt.admin.call('POST', '/api/customers', { name: 'Twin' });
    await rt.admin.call('POST', '/api/customers', { name: 'twin' });
    const result = await run(clerk, 'contacts', `Full name,Customer\nAnn,lambda\nBob,${one.id}\nCid,Nobody Inc\nDan,Twin\n`, 'skip');
    expect(result).toMatchObject({ created: 2, rejected: 2 });
    const text = await (await fetch(`${rt.url}${result.resultUrl}`, { headers: { cookie: clerk.cookie } })).text();
    expect(text).toContain('Customer: no Customer ""Nobody Inc"" exists (or you may not see it)');
    expect(text).toContain('Customer: 2 Customer records are named ""Twin"": use the id');
    const contacts = (await rt.admin.call('GET', '/api/contacts')).body.data;
    expect(contacts.filter((c: { customer: string }) => c.customer === one.id).map((c: { full_name: string }) => c.full_name).sort()).toEqual(['Ann', 'Bob']);
  });

  it('continues an import whose runner stopped (its lease ran out) when its progress is read', async () => {
    const up = await upload(clerk, 'customers', 'Name,Email\nMu,mu@example.com\nNu,nu@example.com\n');
    // As a process that died right after starting it would leave it: running, nothing done, lease over.
    await rt.runtime.knex('tessera.imports').where({ id: up.body.data.id }).update({ status: 'running', mode: 'skip', mapping: JSON.stringify(up.body.data.mapping), lease_until: new Date(Date.now() - 1000) });
    expect(await finished(clerk, 'customers', up.body.data.id)).toMatchObject({ status: 'done', processed: 2, created: 2 });
  });

  it('matches by an ID column (an export edited and imported back)', async () => {
    const omicron = (await rt.admin.call('POST', '/api/customers', { name: 'Omicron', employees: 1 })).body.data;
    const result = await run(clerk, 'customers', `ID,Name,Employees\n${omicron.id},Omicron Group,77\n00000000-0000-4000-8000-000000000000,Ghost,1\n`, 'update');
    expect(result).toMatchObject({ updated: 1, created: 0, rejected: 1 });
    expect((await rt.admin.call('GET', `/api/customers/${omicron.id}`)).body.data).toMatchObject({ name: 'Omicron Group', employees: 77 });
  });

  it('refuses bad files clearly and keeps nothing: not text, no rows, too large (413), not multipart (415)', async () => {
    const count = async () => Number((await rt.runtime.knex('tessera.imports').count('* as n'))[0].n);
    const before = await count();
    const binary = await upload(clerk, 'customers', Buffer.from([0x00, 0x9f, 0x92, 0x96, 0x00, 0x01, 0xff]));
    expect(binary.status).toBe(422);
    expect(binary.body.error).toMatchObject({ code: 'invalid_import_file', message: expect.stringMatching(/UTF-8 or GBK/) });
    expect((await upload(clerk, 'customers', '')).status).toBe(422);
    const big = await upload(clerk, 'customers', Buffer.alloc(10 * 1024 * 1024 + 10, 'a'));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('file_too_large');
    expect((await clerk.call('POST', '/api/customers/imports', { name: 'x' })).status).toBe(415);
    expect(await count()).toBe(before);
  });
});
