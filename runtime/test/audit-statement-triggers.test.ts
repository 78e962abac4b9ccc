import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { setAuditContext } from '../src/audit/set-audit-context';
import { contactEntity, customerEntity } from './fixtures';

interface AuditRow {
  action: string;
  actor_id: string | null;
  request_id: string | null;
  record_id: string;
  changes: { field: string; old: unknown; new: unknown }[];
}

// The trigger function serves every table: fields named like its variables (the example's
// credit grant has `request`) must not make its queries ambiguous.
const clashing = {
  request: { 'x-id': 'f_request', 'x-type': 'text', 'x-label': { en: 'Request' } },
  audit_actor: { 'x-id': 'f_audit_actor', 'x-type': 'text', 'x-label': { en: 'Actor' } },
} as const;

const app = (label = 'Customer'): AppDefinition => {
  const customer = customerEntity();
  return {
    name: 'crm_test',
    label: { en: 'CRM test' },
    entities: [{ ...customer, 'x-soft-delete': true, 'x-label': { en: label, zh: '客户' }, properties: { ...customer.properties, ...clashing } }, contactEntity()],
    layouts: [],
  };
};

// Record changes are audited per statement (audit-changes-ddl.ts): a statement touching many
// rows must still write one entry per changed record, with the diff the row trigger wrote.
forEachDatabase('audit per statement', (getCtx) => {
  let rt: TestRuntime;
  let schema: string;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: app(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    const { rows } = await rt.runtime.knex.raw("select table_schema from information_schema.tables where table_name = 'customer' and table_schema <> 'tessera'");
    schema = rows[0].table_schema;
  });
  afterAll(() => rt?.close());

  const customers = () => rt.runtime.knex.withSchema(schema).table('customer');
  const auditOf = async (ids: string[]): Promise<AuditRow[]> =>
    (await rt.runtime.knex.withSchema('tessera').table('audit_log').whereIn('record_id', ids).orderBy('id').select('action', 'actor_id', 'request_id', 'record_id', 'changes')).map((r: AuditRow) => ({
      ...r,
      changes: typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes,
    }));
  const create = async (body: Record<string, unknown>) => {
    const res = await rt.admin.call('POST', '/api/customers', body);
    expect(res.status).toBe(201);
    return res.body.data.id as string;
  };
  /** One UPDATE for all `ids`, as a bulk write sends it, bumping version and updated_at like every write. */
  const updateAll = (ids: string[], set: Record<string, unknown>, requestId: string) =>
    rt.runtime.knex.transaction(async (trx) => {
      await setAuditContext(trx, { actorId: rt.admin.user.id, requestId });
      return trx.withSchema(schema).table('customer').whereIn('id', ids).update({ ...set, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
    });

  it('a multi-row update writes one entry per changed record with its own diff; a no-op update writes none', async () => {
    const ids = [await create({ name: 'Alpha', employees: 5 }), await create({ name: 'Beta', employees: 12 }), await create({ name: 'Gamma', employees: 7, notes: 'old' })];
    const before = (await auditOf(ids)).length;
    const knex = rt.runtime.knex;
    // Alpha goes to 12, Beta stays at 12 (nothing but version/updated_at changes), Gamma also gets new notes.
    const updated = await updateAll(ids, { employees: 12, notes: knex.raw("case when name = 'Gamma' then 'new' else notes end"), request: knex.raw("case when name = 'Gamma' then 'R-2' end") }, 'req-bulk-1');
    expect(updated).toBe(3);
    const entries = (await auditOf(ids)).slice(before);
    expect(entries.map((e) => e.record_id).sort()).toEqual([ids[0], ids[2]].sort());
    const byRecord = new Map(entries.map((e) => [e.record_id, e]));
    expect(byRecord.get(ids[0])).toEqual({ action: 'update', actor_id: rt.admin.user.id, request_id: 'req-bulk-1', record_id: ids[0], changes: [{ field: 'employees', old: 5, new: 12 }] });
    // Ordered by field, as the timeline shows them.
    expect(byRecord.get(ids[2])?.changes).toEqual([
      { field: 'employees', old: 7, new: 12 },
      { field: 'notes', old: 'old', new: 'new' },
      { field: 'request', old: null, new: 'R-2' },
    ]);

    expect(await updateAll(ids, { employees: knex.raw('employees'), notes: knex.raw('notes'), request: knex.raw('request') }, 'req-noop')).toBe(3);
    expect((await auditOf(ids)).length).toBe(before + 2);
  });

  it('a bulk request audits each changed item once and skips an item that changes nothing', async () => {
    const a = await create({ name: 'Bulk A', employees: 1 });
    const b = await create({ name: 'Bulk B', employees: 2 });
    const res = await rt.admin.call('POST', '/api/customers/bulk', { update: [{ id: a, employees: 10 }, { id: b, employees: 2 }] }, { 'x-request-id': 'req-bulk-api' });
    expect(res.status).toBe(200);
    const updates = (await auditOf([a, b])).filter((e) => e.action !== 'create');
    expect(updates).toEqual([{ action: 'update', actor_id: rt.admin.user.id, request_id: 'req-bulk-api', record_id: a, changes: [{ field: 'employees', old: 1, new: 10 }] }]);
  });

  it('creates and deletes list the non-empty fields against null; soft delete, restore and a named action keep their names', async () => {
    const id = await create({ name: 'Lifecycle', employees: 3, active: true });
    const fresh = await create({ name: 'Hard delete', tier: 'gold', request: 'R-1', audit_actor: 'someone' });
    await updateAll([id], { deleted_at: rt.runtime.knex.fn.now() }, 'req-soft');
    await updateAll([id], { deleted_at: null }, 'req-restore');
    await rt.runtime.knex.transaction(async (trx) => {
      await setAuditContext(trx, { actorId: rt.admin.user.id, requestId: 'req-named', action: 'transfer' });
      await trx.withSchema(schema).table('customer').where({ id }).update({ employees: 4 });
    });
    await customers().where({ id: fresh }).delete();

    const entries = await auditOf([id]);
    expect(entries.map((e) => e.action)).toEqual(['create', 'delete', 'restore', 'transfer']);
    expect(entries[0].changes).toEqual([
      { field: 'active', old: null, new: true },
      { field: 'created_by', old: null, new: rt.admin.user.id },
      { field: 'employees', old: null, new: 3 },
      { field: 'name', old: null, new: 'Lifecycle' },
      { field: 'owner', old: null, new: rt.admin.user.id },
    ]);
    expect(entries[1].changes).toEqual([{ field: 'deleted_at', old: null, new: expect.any(String) }]);
    expect(entries[2].changes).toEqual([{ field: 'deleted_at', old: expect.any(String), new: null }]);
    expect(entries[3].changes).toEqual([{ field: 'employees', old: 3, new: 4 }]);
    const gone = await auditOf([fresh]);
    expect(gone.map((e) => e.action)).toEqual(['create', 'delete']);
    // No actor on a statement outside any audited request.
    expect(gone[1]).toMatchObject({ actor_id: null, request_id: null });
    expect(gone[1].changes).toEqual([
      { field: 'audit_actor', old: 'someone', new: null },
      { field: 'created_by', old: rt.admin.user.id, new: null },
      { field: 'name', old: 'Hard delete', new: null },
      { field: 'owner', old: rt.admin.user.id, new: null },
      { field: 'request', old: 'R-1', new: null },
      { field: 'tier', old: 'gold', new: null },
    ]);
  });

  it("a table still carrying the earlier release's row trigger gets the statement triggers instead at the next publish, and audits once", async () => {
    const triggers = async () =>
      (await rt.runtime.knex.raw("select tgname from pg_trigger where tgrelid = ?::regclass and tgname like 'tessera_audit%' order by tgname", [`${schema}.customer`])).rows.map((r: { tgname: string }) => r.tgname);
    await rt.runtime.knex.raw(`create trigger tessera_audit after insert or update or delete on ??.customer for each row execute function tessera.audit_record_change('customer')`, [schema]);
    expect(await triggers()).toEqual(['tessera_audit', 'tessera_audit_delete', 'tessera_audit_insert', 'tessera_audit_update']);

    const { version } = (await rt.admin.call('GET', '/api/_meta/app')).body;
    expect((await rt.admin.call('POST', '/api/_meta/publish', { app: app('Client'), baseVersion: version })).status).toBe(200);
    const id = await create({ name: 'After publish' });
    expect(await triggers()).toEqual(['tessera_audit_delete', 'tessera_audit_insert', 'tessera_audit_update']);
    expect((await auditOf([id])).map((e) => e.action)).toEqual(['create']);
  });
});
