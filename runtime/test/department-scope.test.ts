import path from 'node:path';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import type { SessionClient } from '../src/testing/create-session-client';

const exampleDir = path.resolve(__dirname, '..', '..', 'examples', 'crm');

/**
 * The department-subtree scope reads `tessera.department_members` (ADR 0018), kept by triggers:
 * an org change through the admin API must show in the very next list. Plus the department
 * rename/move/delete rules of `/api/admin/departments/{id}`.
 */
forEachDatabase('department scope follows the org tree', (getCtx) => {
  let rt: TestRuntime;
  let manager: SessionClient;
  const dept: Record<string, string> = {};

  beforeAll(async () => {
    rt = await createTestRuntime({ appDir: exampleDir, demoUsers: true, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    manager = await rt.login('manager', 'manager-demo-123');
    const sales1 = await rt.login('sales1', 'sales1-demo-123');
    expect((await sales1.call('POST', '/api/customers', { name: 'east corp' })).status).toBe(201);
    for (const d of (await rt.admin.call('GET', '/api/admin/departments')).body.data) dept[d.name] = d.id;
  }, 180_000);
  afterAll(() => rt?.close());

  const managerSees = async () => (await manager.call('GET', '/api/customers?sort=name')).body.data.map((c: { name: string }) => c.name);

  it('moving a department out of the subtree and back changes the scope at once', async () => {
    expect(await managerSees()).toEqual(['east corp']);
    const moved = await rt.admin.call('PATCH', `/api/admin/departments/${dept['Sales East']}`, { parentId: dept['Headquarters'] });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ name: 'Sales East', parentId: dept['Headquarters'] });
    expect(await managerSees()).toEqual([]);
    expect((await rt.admin.call('PATCH', `/api/admin/departments/${dept['Sales East']}`, { parentId: dept['Sales'], name: 'Sales East Coast' })).status).toBe(200);
    expect(await managerSees()).toEqual(['east corp']);
  });

  it('a user moved into the subtree brings their records into scope; a new user there too', async () => {
    const created = await rt.admin.call('POST', '/api/admin/users', { username: 'newrep', password: 'newrep-password-1', displayName: 'New rep', roles: ['sales_rep'], departmentId: dept['Partners'] });
    expect(created.status).toBe(201);
    const newrep = await rt.login('newrep', 'newrep-password-1');
    expect((await newrep.call('POST', '/api/customers', { name: 'newrep corp' })).status).toBe(201);
    expect(await managerSees()).toEqual(['east corp']);
    expect((await rt.admin.call('PATCH', `/api/admin/users/${created.body.data.id}`, { departmentId: dept['Sales West'] })).status).toBe(200);
    expect(await managerSees()).toEqual(['east corp', 'newrep corp']);
  });

  it('refuses a move under itself or its own sub-department, at the field', async () => {
    for (const parentId of [dept['Sales'], dept['Sales West']]) {
      const res = await rt.admin.call('PATCH', `/api/admin/departments/${dept['Sales']}`, { parentId });
      expect(res.status).toBe(422);
      expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'parentId', rule: 'cycle' })]);
    }
    const bad = await rt.admin.call('PATCH', `/api/admin/departments/${dept['Sales']}`, { name: '' });
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('deletes only an empty department', async () => {
    const busy = await rt.admin.call('DELETE', `/api/admin/departments/${dept['Sales']}`);
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('department_not_empty');
    const empty = await rt.admin.call('POST', '/api/admin/departments', { name: 'Temporary', parentId: dept['Sales'] });
    expect((await rt.admin.call('DELETE', `/api/admin/departments/${empty.body.data.id}`)).status).toBe(204);
    expect((await rt.admin.call('DELETE', `/api/admin/departments/${empty.body.data.id}`)).status).toBe(404);
    expect((await manager.call('PATCH', `/api/admin/departments/${dept['Sales']}`, { name: 'Mine' })).status).toBe(403);
  });
});
