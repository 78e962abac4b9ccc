import { createTestRuntime, forEachDatabase } from '@tessera/runtime';
import { approvalApp } from './approval-fixtures';

forEachDatabase('approval timeouts (pg-boss)', (getCtx) => {
  it('escalates a step nobody decided within its timeout, once, as the system', async () => {
    const app = approvalApp({ steps: [{ id: 'manager', approvers: { kind: 'manager' }, mode: 'any', timeout: { after: 500, escalateTo: { kind: 'role', roles: ['director'] } } }] });
    const rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    try {
      const boss = await rt.createUser({ username: 'boss', password: 'password-123', roles: ['manager'] });
      await rt.createUser({ username: 'rep', password: 'password-123', roles: ['sales'], managerId: boss.id });
      await rt.createUser({ username: 'dir', password: 'password-123', roles: ['director'] });
      const rep = await rt.login('rep', 'password-123');
      const dir = await rt.login('dir', 'password-123');
      const { id } = (await rep.call('POST', '/api/quotes', { name: 'Slow', discount: 5 })).body.data;
      expect((await rep.call('POST', `/api/quotes/${id}/transitions/SUBMIT`, {})).status).toBe(200);
      const approval = (await rep.call('GET', `/api/approvals?entity=quote&recordId=${id}`)).body.data[0].id;
      const deadline = Date.now() + 15_000;
      let tasks: Array<{ approvalId: string }> = [];
      while (Date.now() < deadline && tasks.length === 0) {
        tasks = (await dir.call('GET', '/api/approvals/inbox')).body.data;
        if (tasks.length === 0) await new Promise((r) => setTimeout(r, 200));
      }
      expect(tasks.map((t) => t.approvalId)).toEqual([approval]);
      const detail = (await rep.call('GET', `/api/approvals/${approval}`)).body.data;
      expect(detail.tasks.map((t: { assignee: string; status: string }) => [t.assignee, t.status])).toEqual([[boss.id, 'expired'], [tasks.length && expect.any(String), 'pending']]);
      expect(detail.history.map((h: { action: string; actor: string | null }) => [h.action, h.actor])).toEqual([['submit', expect.any(String)], ['escalate', null]]);
      expect((await dir.call('POST', `/api/approvals/${approval}/approve`, {})).body.data.status).toBe('approved');
      expect((await rt.admin.call('GET', `/api/quotes/${id}`)).body.data.status).toBe('approved');
    } finally {
      await rt.close();
    }
  });
});
