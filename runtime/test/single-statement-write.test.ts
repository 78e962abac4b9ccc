import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

// A create/update without hooks, links, files or an idempotency key is one statement with no
// transaction of its own; the statement carries the audit context (tessera.audit_context).
forEachDatabase('single-statement writes', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  const auditOf = (id: string) =>
    rt.runtime.knex.withSchema('tessera').table('audit_log').where({ record_id: id }).orderBy('id').select('action', 'actor_id', 'request_id', 'changes');

  it('sends one statement per create and per update, and still audits who and which request', async () => {
    const statements: string[] = [];
    const listen = (q: { sql: string }) => statements.push(q.sql);
    rt.runtime.knex.on('query', listen);
    const created = await rt.admin.call('POST', '/api/customers', { name: 'Solo' }, { 'x-request-id': 'req-create-1' });
    const createStatements = statements.splice(0);
    const id = created.body.data.id as string;
    const updated = await rt.admin.call('PATCH', `/api/customers/${id}`, { employees: 7 }, { 'x-request-id': 'req-update-1', 'If-Match': 'W/"1"' });
    const updateStatements = statements.splice(0);
    rt.runtime.knex.off('query', listen);

    expect(created.status).toBe(201);
    expect(created.body.data.version).toBe(1);
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ employees: 7, version: 2 });
    expect(updated.headers.get('etag')).toBe('W/"2"');
    for (const sent of [createStatements, updateStatements]) {
      expect(sent.filter((sql) => /^(insert|update)\b/i.test(sql))).toHaveLength(1);
      expect(sent.some((sql) => /^(BEGIN|COMMIT)/i.test(sql))).toBe(false);
    }
    expect(await auditOf(id)).toEqual([
      expect.objectContaining({ action: 'create', actor_id: rt.admin.user.id, request_id: 'req-create-1' }),
      expect.objectContaining({ action: 'update', actor_id: rt.admin.user.id, request_id: 'req-update-1' }),
    ]);
  });

  it('leaves no actor behind on the pooled connections', async () => {
    await rt.admin.call('POST', '/api/customers', { name: 'Leak check' });
    const seen = await Promise.all(
      Array.from({ length: 12 }, () => rt.runtime.knex.raw("select current_setting('tessera.actor_id', true) as actor, pg_sleep(0.02)")),
    );
    for (const result of seen) expect(result.rows[0].actor ?? '').toBe('');
  });

  it('keeps the stale-version answer: 412 and nothing written', async () => {
    const { body } = await rt.admin.call('POST', '/api/customers', { name: 'Stale' });
    const id = body.data.id as string;
    await rt.admin.call('PATCH', `/api/customers/${id}`, { employees: 1 });
    const stale = await rt.admin.call('PATCH', `/api/customers/${id}`, { employees: 2 }, { 'If-Match': 'W/"1"' });
    expect(stale.status).toBe(412);
    const fetched = await rt.admin.call('GET', `/api/customers/${id}`);
    expect(fetched.body.data).toMatchObject({ employees: 1, version: 2 });
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('answers If-None-Match with 304 while the record is at that version', async () => {
    const { body } = await rt.admin.call('POST', '/api/customers', { name: 'Cached' });
    const id = body.data.id as string;
    const first = await rt.admin.call('GET', `/api/customers/${id}`);
    const etag = first.headers.get('etag')!;
    const unchanged = await rt.admin.call('GET', `/api/customers/${id}`, undefined, { 'If-None-Match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    await rt.admin.call('PATCH', `/api/customers/${id}`, { employees: 3 });
    const changed = await rt.admin.call('GET', `/api/customers/${id}`, undefined, { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body.data.employees).toBe(3);
  });
});
