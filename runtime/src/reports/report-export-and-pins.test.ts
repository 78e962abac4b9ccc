/**
 * A saved report as a file and on the dashboard (issue 21, ADR 0054), over real HTTP on PGlite
 * and PostgreSQL: `GET /api/_reports/{id}/export` gives the pivot as XLSX (read back with
 * exceljs) or CSV, the viewer's own numbers in their language; pins are per user.
 */
import ExcelJS from 'exceljs';
import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, type TestRuntime } from '../testing/create-test-runtime';
import type { SessionClient } from '../testing/create-session-client';
import { forEachDatabase } from '../testing/for-each-database';

const app = {
  name: 'reportfiles',
  label: { en: 'Report files' },
  entities: [{
    type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' }, 'x-display-field': 'name',
    required: ['name'],
    properties: {
      name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
      stage: { 'x-id': 'f_stage', 'x-type': 'select', 'x-label': { en: 'Stage', zh: '阶段' }, 'x-options': [{ value: 'open', label: { en: 'Open', zh: '进行中' } }, { value: 'won', label: { en: 'Won', zh: '赢单' } }] },
      amount: { 'x-id': 'f_amount', 'x-type': 'number', 'x-label': { en: 'Amount', zh: '金额' } },
    },
  }],
  layouts: [],
  permissions: { roles: {
    rep: { label: { en: 'Rep' }, entities: { deal: { actions: ['read', 'create'], scope: 'own' } } },
    boss: { label: { en: 'Boss' }, entities: { deal: { actions: ['read', 'export'], scope: 'all' } } },
  } },
} as unknown as AppDefinition;

forEachDatabase('report export and pins', (getCtx) => {
  let rt: TestRuntime;
  const users: Record<string, SessionClient> = {};
  let reportId: string;

  const download = async (who: SessionClient, query: string, id = reportId) => {
    const res = await fetch(`${rt.url}/api/_reports/${id}/export?${query}`, { headers: { cookie: who.cookie } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
  };
  const sheetRows = async (file: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { name: sheet.name, rows };
  };

  beforeAll(async () => {
    rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    for (const [name, role, displayName] of [['ann', 'rep', 'Ann Lee'], ['bob', 'rep', 'Bob Wu'], ['boss', 'boss', 'The Boss']]) {
      await rt.createUser({ username: name, password: `${name}-password-1`, displayName, roles: [role] });
      users[name] = await rt.login(name, `${name}-password-1`);
    }
    for (const [who, name, stage, amount] of [['ann', 'A1', 'won', 100], ['ann', 'A2', 'won', 50], ['ann', 'A3', 'open', 7], ['bob', 'B1', 'won', 1000]] as const) {
      expect((await users[who].call('POST', '/api/deals', { name, stage, amount })).status).toBe(201);
    }
    const created = await users.boss.call('POST', '/api/_reports', { label: 'Amount by owner and stage', entity: 'deal', groups: ['owner', 'stage'], measures: ['sum:amount'], chart: 'bar', sharedWith: { roles: ['rep'] } });
    expect(created.status).toBe(201);
    reportId = created.body.data.id;
  });
  afterAll(() => rt?.close());

  it('exports the pivot as XLSX: headings, a row per owner, stages across, totals, numbers as numbers', async () => {
    const file = await download(users.boss, 'format=xlsx');
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.disposition).toContain('filename*=UTF-8\'\'Amount%20by%20owner%20and%20stage.xlsx');
    const { name, rows } = await sheetRows(file.body);
    expect(name).toBe('Amount by owner and stage');
    expect(rows).toEqual([
      ['Owner', 'Open', 'Won', 'Total'],
      ['Ann Lee', 7, 150, 157],
      ['Bob Wu', 0, 1000, 1000],
      ['Total', 7, 1150, 1157],
    ]);
    const audit = await rt.runtime.knex('tessera.audit_log').where({ action: 'export', entity: 'deal' }).orderBy('id', 'desc').first('meta');
    expect(typeof audit.meta === 'string' ? JSON.parse(audit.meta) : audit.meta).toEqual({ report: reportId, format: 'xlsx', rows: 2 });
  });

  it('gives each viewer their own numbers, in their language, and CSV too', async () => {
    const ann = await sheetRows((await download(users.ann, 'format=xlsx&locale=zh')).body);
    expect(ann.rows).toEqual([
      ['负责人', '进行中', '赢单', '合计'],
      ['Ann Lee', 7, 150, 157],
      ['合计', 7, 150, 157],
    ]);
    const csv = await download(users.bob, 'format=csv');
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.body.toString('utf8')).toBe('\uFEFFOwner,Won,Total\nBob Wu,1000,1000\nTotal,1000,1000\n');
  });

  it('refuses a bad format or language, and a report the caller may not open', async () => {
    const pdf = await download(users.boss, 'format=pdf');
    expect(pdf.status).toBe(400);
    expect(JSON.parse(pdf.body.toString()).error.details).toEqual([{ parameter: 'format', message: 'must be csv or xlsx' }]);
    expect((await download(users.boss, 'format=csv&locale=fr')).status).toBe(400);
    const mine = (await users.ann.call('POST', '/api/_reports', { label: 'Private', entity: 'deal', groups: [], measures: ['count'] })).body.data.id;
    expect((await download(users.bob, 'format=csv', mine)).status).toBe(404);
    expect((await download(users.ann, 'format=csv', mine)).body.toString()).toBe('\uFEFFCount\n3\n');
    expect((await fetch(`${rt.url}/api/_reports/${mine}/export`)).status).toBe(401);
  });

  it('pins a report to the caller\'s own dashboard, and unpins it', async () => {
    const pinned = await users.ann.call('PUT', `/api/_reports/${reportId}/pin`);
    expect(pinned.status).toBe(200);
    expect(pinned.body.data).toMatchObject({ id: reportId, pinned: true, pinnedAt: expect.any(String), mine: false });
    expect((await users.ann.call('PUT', `/api/_reports/${reportId}/pin`)).status).toBe(200); // again: still one pin
    expect(Number((await rt.runtime.knex('tessera.report_pins').where({ report_id: reportId }).count('* as count'))[0].count)).toBe(1);
    const listed = async (who: SessionClient) => (await who.call('GET', '/api/_reports')).body.data.find((r: { id: string }) => r.id === reportId);
    expect((await listed(users.ann)).pinned).toBe(true);
    expect((await listed(users.bob)).pinned).toBe(false); // per user
    expect((await listed(users.boss)).pinned).toBe(false);
    // A report one may not open cannot be pinned.
    const mine = (await users.boss.call('POST', '/api/_reports', { label: 'Boss only', entity: 'deal', groups: [], measures: ['count'] })).body.data.id;
    expect((await users.ann.call('PUT', `/api/_reports/${mine}/pin`)).status).toBe(404);
    expect((await users.ann.call('DELETE', `/api/_reports/${reportId}/pin`)).status).toBe(204);
    expect((await listed(users.ann)).pinned).toBe(false);
    // Unsharing takes it off dashboards with it: the pin no longer shows.
    await users.ann.call('PUT', `/api/_reports/${reportId}/pin`);
    expect((await users.boss.call('PATCH', `/api/_reports/${reportId}`, { sharedWith: { roles: [] } })).status).toBe(200);
    expect(await listed(users.ann)).toBeUndefined();
  });
});
