import type { AppDefinition, WorkflowDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, waitFor, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { compileAppState } from '../src/meta/compile-app-state';
import { createPluginRecords } from '../src/plugins/create-plugin-records';
import { createFieldTypeRegistry } from '@tessera/engine';
import { isHttpError } from '../src/errors/http-error';
import { approvalApp } from './approval-fixtures';

/** The approval fixture, with locks: everything while pending (but the admin), discount and name once approved (but managers). */
function lockApp(): AppDefinition {
  const app = approvalApp({ steps: [{ id: 'manager', approvers: { kind: 'manager' }, mode: 'any' }] });
  const [wf] = app.workflows as WorkflowDefinition[];
  const states = wf.machine.states;
  states.pending_approval.lock = { fields: '*', except: ['admin'] };
  states.approved.lock = { fields: ['discount', 'name'], except: ['manager'] };
  const quote = app.entities.find((e) => e['x-name'] === 'quote')!;
  quote.properties.status['x-options'] = [['draft', 'Draft'], ['pending_approval', 'Pending approval'], ['approved', 'Approved'], ['rejected', 'Rejected']].map(([value, en]) => ({ value, label: { en } }));
  const all = (actions: string[]) => ({ actions, scope: 'all' });
  return {
    ...app,
    permissions: {
      roles: {
        sales: { label: { en: 'Sales' }, entities: { quote: all(['read', 'create', 'update', 'transition', 'import']) } },
        manager: { label: { en: 'Manager' }, entities: { quote: all(['read', 'update', 'transition']) } },
        own_sales: { label: { en: 'Own sales' }, entities: { quote: { actions: ['read', 'update'], scope: 'own' } } },
      },
    },
  } as AppDefinition;
}

forEachDatabase('record locks by workflow state', (getCtx) => {
  let rt: TestRuntime;
  let rep: SessionClient;
  let boss: SessionClient;
  let other: SessionClient;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    rt = await createTestRuntime({ app: lockApp(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    ids.boss = (await rt.createUser({ username: 'boss', password: 'password-123', roles: ['manager'] })).id;
    ids.rep = (await rt.createUser({ username: 'rep', password: 'password-123', roles: ['sales'], managerId: ids.boss })).id;
    rep = await rt.login('rep', 'password-123');
    boss = await rt.login('boss', 'password-123');
    await rt.createUser({ username: 'other', password: 'password-123', roles: ['own_sales'] });
    other = await rt.login('other', 'password-123');
  });
  afterAll(() => rt?.close());

  const submitted = async (name: string) => {
    const created = await rep.call('POST', '/api/quotes', { name, discount: 5 });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    expect((await rep.call('PATCH', `/api/quotes/${id}`, { discount: 15 })).status).toBe(200); // a draft is not locked
    expect((await rep.call('POST', `/api/quotes/${id}/transitions/SUBMIT`, {})).status).toBe(200);
    const approvals = await rep.call('GET', `/api/approvals?entity=quote&recordId=${id}`);
    return { id, approval: approvals.body.data[approvals.body.data.length - 1].id as string };
  };
  const stored = async (id: string) => (await rt.admin.call('GET', `/api/quotes/${id}`)).body.data;
  const pluginRecords = (user: { id: string; roles: string[] }) => {
    const state = compileAppState(rt.runtime.app(), rt.runtime.version(), createFieldTypeRegistry());
    return createPluginRecords({ knex: rt.runtime.knex, state, user: { username: 'rep', email: null, displayName: 'Rep', departmentId: null, managerId: null, ...user }, requestId: 'test' })('quote');
  };

  it('a pending quote refuses every write path, naming the state; capabilities say not editable; the excepted role may', async () => {
    const { id, approval } = await submitted('Pending');
    ids.pending = id;
    expect((await rep.call('GET', `/api/approvals/${approval}`)).body.data.snapshot).toMatchObject({ kind: 'submitted', title: 'Pending', summary: [{ field: 'discount', value: 15 }] });
    const patch = await rep.call('PATCH', `/api/quotes/${id}`, { discount: 60 });
    expect(patch.status).toBe(409);
    expect(patch.body.error.code).toBe('record_locked');
    expect(patch.body.error.message).toBe('This quote is locked while it is "Pending approval": it cannot be changed');
    expect(patch.body.error.details).toEqual([{ field: 'discount', rule: 'locked', message: 'is locked while the quote is "Pending approval"' }]);
    // Any field: the whole record is locked.
    expect((await rep.call('PATCH', `/api/quotes/${id}`, { reviewer: ids.rep })).status).toBe(409);
    // Bulk: the item fails, nothing is written.
    const bulk = await rep.call('POST', '/api/quotes/bulk', { update: [{ id, discount: 61 }] });
    expect(bulk.status).toBe(422);
    expect(JSON.stringify(bulk.body)).toContain('record_locked');
    // A plugin's records API, acting as the rep.
    const viaPlugin = await pluginRecords({ id: ids.rep, roles: ['sales'] }).update(id, { discount: 62 }).then(() => undefined, (e: unknown) => e);
    expect(isHttpError(viaPlugin) && viaPlugin.code).toBe('record_locked');
    // Import in update mode, matched by id: the row is rejected with the lock's words.
    const form = new FormData();
    form.append('file', new Blob([`id,discount\n${id},63\n`], { type: 'text/csv' }), 'quotes.csv');
    const up = await fetch(`${rt.url}/api/quotes/imports`, { method: 'POST', body: form, headers: { cookie: rep.cookie, 'x-csrf-token': rep.csrfToken } }).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(up.status).toBe(201);
    expect((await rep.call('POST', `/api/quotes/imports/${up.body.data.id}/start`, { mapping: up.body.data.mapping, mode: 'update' })).status).toBe(202);
    const done = await waitFor('import', async () => {
      const res = await rep.call('GET', `/api/quotes/imports/${up.body.data.id}`);
      return res.body.data.status === 'running' || res.body.data.status === 'pending' ? undefined : res.body.data;
    });
    expect(done).toMatchObject({ status: 'done', updated: 0, rejected: 1 });
    const reasons = await fetch(`${rt.url}${done.resultUrl}`, { headers: { cookie: rep.cookie } }).then((r) => r.text());
    expect(reasons).toContain('Discount: is locked while the quote is ""Pending approval""');
    expect((await stored(id)).discount).toBe(15);
    // The form reads the record's capabilities: not editable, and why.
    const caps = await rep.call('GET', `/api/quotes/${id}/capabilities`);
    expect(caps.body.data).toMatchObject({ update: false, locked: { state: 'pending_approval', label: { en: 'Pending approval' }, fields: '*' } });
    // Someone who may not change the record learns nothing from its lock: the same 404 as a missing id.
    const outside = await other.call('PATCH', `/api/quotes/${id}`, { discount: 64 });
    expect(outside.status).toBe(404);
    expect(JSON.stringify(outside.body)).not.toContain('Pending approval');
    // The admin is excepted.
    expect((await rt.admin.call('PATCH', `/api/quotes/${id}`, { discount: 16 })).status).toBe(200);
    expect((await rt.admin.call('GET', `/api/quotes/${id}/capabilities`)).body.data.update).toBe(true);
  });

  it('after final approval, discount and name stay locked (PATCH discount → 409); other fields and the excepted role may change', async () => {
    const { id, approval } = await submitted('Approved');
    expect((await boss.call('POST', `/api/approvals/${approval}/approve`, { comment: 'ok' })).status).toBe(200);
    expect((await stored(id)).status).toBe('approved');
    const refused = await rep.call('PATCH', `/api/quotes/${id}`, { discount: 60 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('This quote is locked while it is "Approved": Discount cannot be changed');
    // An unchanged locked field sent back with the form is not a change.
    expect((await rep.call('PATCH', `/api/quotes/${id}`, { discount: 15, name: 'Approved', reviewer: ids.boss })).status).toBe(200);
    expect((await rep.call('GET', `/api/quotes/${id}/capabilities`)).body.data).toMatchObject({ update: true, locked: { state: 'approved', fields: ['discount', 'name'] } });
    expect((await boss.call('PATCH', `/api/quotes/${id}`, { discount: 12 })).status).toBe(200);
    expect((await stored(id)).discount).toBe(12);
    // The approval keeps what was approved, whatever changed since.
    const detail = await rep.call('GET', `/api/approvals/${approval}`);
    expect(detail.body.data.snapshot).toMatchObject({ kind: 'approved', title: 'Approved', summary: [{ field: 'discount', value: 15 }] });
  });

  it('a returned quote is a draft again and unlocked', async () => {
    const { id, approval } = await submitted('Returned');
    expect((await rep.call('PATCH', `/api/quotes/${id}`, { discount: 30 })).status).toBe(409);
    expect((await boss.call('POST', `/api/approvals/${approval}/reject`, { comment: 'too much', to: 'submitter' })).status).toBe(200);
    expect((await stored(id)).status).toBe('draft');
    expect((await rep.call('PATCH', `/api/quotes/${id}`, { discount: 30 })).status).toBe(200);
    expect((await rep.call('GET', `/api/quotes/${id}/capabilities`)).body.data.locked).toBeUndefined();
  });
});
