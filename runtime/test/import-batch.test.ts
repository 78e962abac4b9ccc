import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, waitFor, type SessionClient, type TestRuntime } from '@tessera/runtime';

/** Tickets with what a create does besides its insert: a drawn number, a stored formula, a cross-field rule, a unique email. */
function ticketEntity(): EntityDefinition {
  return {
    type: 'object',
    'x-name': 'ticket',
    'x-plural': 'tickets',
    'x-label': { en: 'Ticket', zh: '工单' },
    'x-display-field': 'title',
    required: ['title'],
    'x-rules': [{ id: 'hours', expr: 'hours == null || hours <= 100', message: { en: 'A ticket takes at most 100 hours', zh: '工单最多 100 小时' }, fields: ['hours'] }],
    properties: {
      number: { 'x-id': 't_number', 'x-type': 'autonumber', 'x-label': { en: 'Number' }, 'x-format': 'TK-{0000}' },
      title: { 'x-id': 't_title', 'x-type': 'text', 'x-label': { en: 'Title' } },
      email: { 'x-id': 't_email', 'x-type': 'email', 'x-label': { en: 'Email' }, 'x-unique': true },
      hours: { 'x-id': 't_hours', 'x-type': 'number', 'x-label': { en: 'Hours' } },
      rate: { 'x-id': 't_rate', 'x-type': 'number', 'x-label': { en: 'Rate' } },
      cost: { 'x-id': 't_cost', 'x-type': 'formula', 'x-label': { en: 'Cost' }, 'x-formula': 'hours * rate', 'x-formula-type': 'number', 'x-stored': true },
    },
  } as EntityDefinition;
}

const app = (): AppDefinition => ({
  name: 'import_batch',
  label: { en: 'Import batch' },
  layouts: [],
  entities: [ticketEntity()],
  permissions: { roles: { clerk: { label: { en: 'Clerk' }, entities: { ticket: { actions: ['read', 'create', 'update', 'import'], scope: 'all' } } } } },
});

/**
 * Issue 20 (ADR 0051): an import batch writes its creates with ONE multi-row insert, and each
 * row is still checked and audited on its own — a row that fails validation is rejected with
 * its reason while the others go in; a row that fails on the write (a rule, a taken unique
 * key) sends the batch to the row-by-row path, which keeps the others too.
 */
forEachDatabase('import batch: one insert per batch, every row checked and audited', (getCtx) => {
  let rt: TestRuntime;
  let clerk: SessionClient;
  const sql: string[] = [];
  beforeAll(async () => {
    rt = await createTestRuntime({ app: app(), databaseUrl: getCtx().databaseUrl });
    await rt.createUser({ username: 'clerk', password: 'clerk-password-1', roles: ['clerk'] });
    clerk = await rt.login('clerk', 'clerk-password-1');
    rt.runtime.knex.on('query', (q: { sql: string }) => sql.push(q.sql));
  });
  afterAll(() => rt?.close());

  async function importCsv(csv: string, mode = 'create') {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'tickets.csv');
    const up = await fetch(`${rt.url}/api/tickets/imports`, { method: 'POST', body: form, headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken } });
    const { data } = await up.json();
    sql.length = 0;
    expect((await clerk.call('POST', `/api/tickets/imports/${data.id}/start`, { mapping: data.mapping, mode })).status).toBe(202);
    const done = await waitFor('the import', async () => {
      const res = (await clerk.call('GET', `/api/tickets/imports/${data.id}`)).body.data;
      return res.status === 'running' ? undefined : res;
    });
    const inserts = sql.filter((s) => /^insert into "[^"]+"\."ticket"/.test(s)).length;
    const rejected = done.resultUrl ? (await (await fetch(`${rt.url}${done.resultUrl}`, { headers: { cookie: clerk.cookie } })).text()).replace(/^\ufeff/, '') : '';
    return { done, inserts, rejected, id: data.id as string };
  }
  const tickets = async (prefix: string) =>
    ((await clerk.call('GET', '/api/tickets?sort=number&limit=200')).body.data as Record<string, unknown>[]).filter((t) => String(t.title).startsWith(prefix));
  const audits = (ids: string[]) => rt.runtime.knex('tessera.audit_log').whereIn('record_id', ids).orderBy('id').select('record_id', 'action', 'actor_id', 'request_id');

  it('a batch with a row that fails validation imports the others in one insert, audits each, and files the bad row with its reason', async () => {
    const lines = ['Title,Email,Hours,Rate'];
    for (let i = 1; i <= 6; i++) lines.push(i === 4 ? 'A4,a4@example.com,four,10' : `A${i},a${i}@example.com,${i},10`);
    const { done, inserts, rejected, id } = await importCsv(lines.join('\n'));
    expect(done).toMatchObject({ status: 'done', processed: 6, created: 5, rejected: 1 });
    // One statement for the five records (not one per record, and no second run of the batch).
    expect(inserts).toBe(1);
    expect(sql.filter((s) => /^savepoint/i.test(s))).toEqual([]);
    expect(rejected).toContain('A4,a4@example.com,four,10,5,"Hours: ""four"" is not a number');
    const made = await tickets('A');
    expect(made.map((t) => t.title)).toEqual(['A1', 'A2', 'A3', 'A5', 'A6']);
    // Each as its own create would be: numbers drawn in row order without gaps, stored formula, owner.
    const first = Number(String(made[0].number).slice(3));
    expect(made.map((t) => t.number)).toEqual([0, 1, 2, 3, 4].map((k) => `TK-${String(first + k).padStart(4, '0')}`));
    expect(made.map((t) => t.cost)).toEqual([10, 20, 30, 50, 60]);
    expect(made.every((t) => t.owner === clerk.user.id && t.created_by === clerk.user.id && t.version === 1)).toBe(true);
    // One audit entry per created record, by the clerk, naming the import.
    const entries = await audits(made.map((t) => t.id as string));
    expect(entries).toHaveLength(5);
    for (const entry of entries) expect(entry).toMatchObject({ action: 'create', actor_id: clerk.user.id, request_id: `import:${id}` });
    expect(new Set(entries.map((e) => e.record_id))).toEqual(new Set(made.map((t) => t.id)));
    // The import remembers each row it created: a revert deletes exactly those.
    const reverted = await clerk.call('POST', `/api/tickets/imports/${id}/revert`);
    expect(reverted.body.data).toMatchObject({ status: 'reverted', deleted: 5, restored: 0 });
    expect(await tickets('A')).toEqual([]);
  });

  it('a row that breaks a rule or a unique key on write: the batch reruns row by row, keeps the others and gives the numbers back', async () => {
    expect((await clerk.call('POST', '/api/tickets', { title: 'B0', email: 'taken@example.com' })).status).toBe(201);
    const before = Number(String((await tickets('B0'))[0].number).slice(3));
    const csv = ['Title,Email,Hours,Rate', 'B1,b1@example.com,1,1', 'B2,b2@example.com,500,1', 'B3,taken@example.com,3,1', 'B4,b4@example.com,4,1'].join('\n');
    const { done, rejected, id } = await importCsv(csv);
    expect(done).toMatchObject({ status: 'done', processed: 4, created: 2, rejected: 2 });
    expect(rejected).toContain('A ticket takes at most 100 hours');
    expect(rejected).toMatch(/B3,taken@example.com,3,1,4,.*Email/);
    const made = await tickets('B');
    expect(made.map((t) => [t.title, t.number])).toEqual([['B0', `TK-${String(before).padStart(4, '0')}`], ['B1', `TK-${String(before + 1).padStart(4, '0')}`], ['B4', `TK-${String(before + 2).padStart(4, '0')}`]]);
    const entries = await audits(made.slice(1).map((t) => t.id as string));
    expect(entries.map((e) => [e.action, e.request_id])).toEqual([['create', `import:${id}`], ['create', `import:${id}`]]);
  });

  it('update mode: a row repeating a new row of the same batch updates the record that row created', async () => {
    const csv = ['Title,Email,Hours,Rate', 'C1,c1@example.com,1,5', 'C2,c2@example.com,2,5', 'C1 renamed,c1@example.com,7,5'].join('\n');
    const { done, inserts } = await importCsv(csv, 'update');
    expect(done).toMatchObject({ status: 'done', created: 2, updated: 1, rejected: 0 });
    // The rows queued so far went in before the row updating one of them; nothing was left for the end.
    expect(inserts).toBe(1);
    const made = await tickets('C');
    expect(made.map((t) => [t.title, t.hours, t.cost, t.version])).toEqual([['C1 renamed', 7, 35, 2], ['C2', 2, 10, 1]]);
  });
});
