/**
 * Field types act on every write (issue 16): autonumbers are drawn in the record's write,
 * unique under concurrency and formatted from `x-format`; rich text is sanitized by its type's
 * `toDb` on create, update and bulk — never stored as sent.
 */
import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

function ticketEntity(): EntityDefinition {
  return {
    type: 'object',
    'x-name': 'ticket',
    'x-plural': 'tickets',
    'x-label': { en: 'Ticket', zh: '工单' },
    'x-display-field': 'number',
    required: ['title'],
    properties: {
      number: { 'x-id': 't_number', 'x-type': 'autonumber', 'x-label': { en: 'Number' }, 'x-format': 'TK-{YYYY}-{0000}' },
      title: { 'x-id': 't_title', 'x-type': 'text', 'x-label': { en: 'Title' } },
      body: { 'x-id': 't_body', 'x-type': 'richtext', 'x-label': { en: 'Body' } },
      hours: { 'x-id': 't_hours', 'x-type': 'number', 'x-label': { en: 'Hours' } },
      rate: { 'x-id': 't_rate', 'x-type': 'number', 'x-label': { en: 'Rate' } },
      cost: { 'x-id': 't_cost', 'x-type': 'formula', 'x-label': { en: 'Cost' }, 'x-formula': 'hours * rate', 'x-formula-type': 'number', 'x-stored': true },
      long: { 'x-id': 't_long', 'x-type': 'formula', 'x-label': { en: 'Long' }, 'x-formula': 'hours > 10', 'x-formula-type': 'boolean' },
    },
  };
}

const app = (): AppDefinition => ({ ...testApp(), entities: [...testApp().entities, ticketEntity()] });
const HOSTILE = '<p>Hello <b>there</b><script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">x</a></p>';

forEachDatabase('field types on every write', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: app(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
  });
  afterAll(() => rt?.close());

  it('numbers records from a per-entity sequence, formatted, unique when created at once, read-only to clients', async () => {
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) => rt.admin.call('POST', '/api/tickets', { title: `T${i}` })));
    expect(created.map((r) => r.status)).toEqual(Array(12).fill(201));
    const numbers = created.map((r) => r.body.data.number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `TK-${year}-${String(i + 1).padStart(4, '0')}`));
    const bulk = await rt.admin.call('POST', '/api/tickets/bulk', { create: [{ title: 'B1' }, { title: 'B2' }] });
    expect(bulk.body.data.map((r: { data: { number: string } }) => r.data.number)).toEqual([`TK-${year}-0013`, `TK-${year}-0014`]);
    const typed = await rt.admin.call('POST', '/api/tickets', { title: 'Mine', number: 'TK-0' });
    expect(typed.status).toBe(422);
    expect(typed.body.error.details).toEqual([expect.objectContaining({ field: 'number' })]);
    const id = created[0].body.data.id;
    expect((await rt.admin.call('PATCH', `/api/tickets/${id}`, { title: 'Renamed' })).body.data.number).toBe(created[0].body.data.number);
  });

  it('computes formulas: stored ones on every write (and filterable), virtual ones on every read', async () => {
    const created = await rt.admin.call('POST', '/api/tickets', { title: 'Billable', hours: 12, rate: 50 });
    expect(created.body.data).toMatchObject({ cost: 600, long: true });
    const id = created.body.data.id;
    const patched = await rt.admin.call('PATCH', `/api/tickets/${id}`, { hours: 2 });
    expect(patched.body.data).toMatchObject({ hours: 2, rate: 50, cost: 100, long: false });
    expect((await rt.admin.call('GET', `/api/tickets/${id}`)).body.data).toMatchObject({ cost: 100, long: false });
    const cheap = await rt.admin.call('GET', '/api/tickets?filter[cost][lt]=200');
    expect(cheap.body.data.map((t: { id: string }) => t.id)).toContain(id);
    const typed = await rt.admin.call('PATCH', `/api/tickets/${id}`, { cost: 1 });
    expect(typed.status).toBe(422);
    expect(typed.body.error.details).toEqual([expect.objectContaining({ field: 'cost', rule: 'read-only' })]);
  });

  it('sanitizes rich text on create, update and bulk', async () => {
    const check = (html: string) => {
      expect(html).toContain('<b>there</b>');
      expect(html).not.toMatch(/script|onerror|javascript:/i);
    };
    const created = await rt.admin.call('POST', '/api/tickets', { title: 'Rich', body: HOSTILE });
    expect(created.status).toBe(201);
    check(created.body.data.body);
    const id = created.body.data.id;
    check((await rt.admin.call('PATCH', `/api/tickets/${id}`, { body: HOSTILE })).body.data.body);
    check((await rt.admin.call('GET', `/api/tickets/${id}`)).body.data.body);
    const bulk = await rt.admin.call('POST', '/api/tickets/bulk', { create: [{ title: 'Rich 2', body: HOSTILE }] });
    check(bulk.body.data[0].data.body);
  });
});
