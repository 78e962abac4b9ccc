import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

/**
 * Two admin API rules of the org model: `DELETE /api/admin/teams/{id}` takes the team's
 * memberships and the record shares made to it along, in one audited transaction; a user's
 * manager can be set and cleared, but never so that the reporting line loops.
 */
forEachDatabase('admin API: deleting teams, a user’s manager', (getCtx) => {
  let rt: TestRuntime;
  let rep: SessionClient;
  const user: Record<string, string> = {};

  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl });
    for (const name of ['rep', 'ann', 'bob', 'cat']) {
      user[name] = (await rt.createUser({ username: name, password: `${name}-password-1`, roles: ['sales_rep'] })).id;
    }
    rep = await rt.login('rep', 'rep-password-1');
  });
  afterAll(() => rt?.close());

  const knex = () => rt.runtime.knex;
  const newTeam = async (name: string, members: { userId: string; isLead?: boolean }[]) => {
    const team = await rt.admin.call('POST', '/api/admin/teams', { name });
    expect(team.status).toBe(201);
    for (const m of members) expect((await rt.admin.call('POST', `/api/admin/teams/${team.body.data.id}/members`, m)).status).toBe(201);
    return team.body.data.id as string;
  };
  const shareWith = async (customerId: string, team: string) => {
    expect((await rt.admin.call('POST', `/api/customers/${customerId}/shares`, { team, access: 'read' })).status).toBe(201);
  };
  const countOf = async (table: string, where: Record<string, string>) => Number((await knex()(`tessera.${table}`).where(where).count({ n: '*' }))[0].n);

  describe('DELETE /api/admin/teams/{id}', () => {
    it('204: the team, its memberships and its shares go; other teams keep theirs; an audit entry says what went', async () => {
      const doomed = await newTeam('Doomed', [{ userId: user.rep, isLead: true }, { userId: user.ann }]);
      const kept = await newTeam('Kept', [{ userId: user.rep }]);
      const customer = (await rt.admin.call('POST', '/api/customers', { name: 'Shared corp' })).body.data.id as string;
      await shareWith(customer, doomed);
      await shareWith(customer, kept);

      const res = await rt.admin.call('DELETE', `/api/admin/teams/${doomed}`);
      expect(res.status).toBe(204);
      expect(res.text).toBe('');

      const teams = (await rt.admin.call('GET', '/api/admin/teams')).body.data;
      expect(teams.map((t: { name: string }) => t.name)).toEqual(['Kept']);
      expect(teams[0].members).toEqual([{ userId: user.rep, isLead: false }]);
      expect(await countOf('team_members', { team_id: doomed })).toBe(0);
      expect(await countOf('record_shares', { team_id: doomed })).toBe(0);
      expect(await countOf('record_shares', { team_id: kept })).toBe(1);
      const shares = (await rt.admin.call('GET', `/api/customers/${customer}/shares`)).body.data;
      expect(shares).toEqual([expect.objectContaining({ team_id: kept, access: 'read' })]);

      const audit = await knex()('tessera.audit_log').where({ action: 'team.delete' }).select('*');
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_id: rt.admin.user.id, request_id: expect.any(String) });
      expect(audit[0].meta).toEqual({
        team: doomed, name: 'Doomed', departmentId: null, shares: 1,
        members: expect.arrayContaining([{ userId: user.rep, isLead: true }, { userId: user.ann, isLead: false }]),
      });
      expect(audit[0].meta.members).toHaveLength(2);
    });

    it('404 for an unknown, malformed or already deleted id', async () => {
      const gone = await newTeam('Short-lived', []);
      expect((await rt.admin.call('DELETE', `/api/admin/teams/${gone}`)).status).toBe(204);
      for (const id of [gone, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const res = await rt.admin.call('DELETE', `/api/admin/teams/${id}`);
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('not_found');
      }
    });

    it('403 for a non-admin; the team and its members stay', async () => {
      const team = await newTeam('Guarded', [{ userId: user.rep }]);
      const res = await rep.call('DELETE', `/api/admin/teams/${team}`);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(await countOf('teams', { id: team })).toBe(1);
      expect(await countOf('team_members', { team_id: team })).toBe(1);
    });

    it('is one transaction: when the audit entry cannot be written, nothing is deleted', async () => {
      const team = await newTeam('Atomic', [{ userId: user.ann }]);
      const customer = (await rt.admin.call('POST', '/api/customers', { name: 'Atomic corp' })).body.data.id as string;
      await shareWith(customer, team);
      // A real trigger makes the audit insert (the last statement of the delete) fail.
      await knex().raw(`create function tessera.test_refuse_team_audit() returns trigger language plpgsql as $$
        begin raise exception 'audit refused by the test'; end $$`);
      await knex().raw(`create trigger test_refuse_team_audit before insert on tessera.audit_log for each row
        when (new.action = 'team.delete') execute function tessera.test_refuse_team_audit()`);
      try {
        expect((await rt.admin.call('DELETE', `/api/admin/teams/${team}`)).status).toBe(500);
      } finally {
        await knex().raw('drop trigger test_refuse_team_audit on tessera.audit_log');
        await knex().raw('drop function tessera.test_refuse_team_audit()');
      }
      expect(await countOf('teams', { id: team })).toBe(1);
      expect(await countOf('team_members', { team_id: team })).toBe(1);
      expect(await countOf('record_shares', { team_id: team })).toBe(1);
      expect((await rt.admin.call('DELETE', `/api/admin/teams/${team}`)).status).toBe(204);
    });
  });

  describe('a user’s manager', () => {
    const managerOf = async (id: string) => (await rt.admin.call('GET', `/api/admin/users/${id}`)).body.data.managerId;
    const setManager = (id: string, managerId: unknown) => rt.admin.call('PATCH', `/api/admin/users/${id}`, { managerId });

    it('is set at creation, changed and cleared (null) through the API', async () => {
      const created = await rt.admin.call('POST', '/api/admin/users', { username: 'dan', password: 'dan-password-1', managerId: user.ann });
      expect(created.status).toBe(201);
      expect(created.body.data.managerId).toBe(user.ann);
      const id = created.body.data.id as string;
      const changed = await setManager(id, user.bob);
      expect(changed.status).toBe(200);
      expect(changed.body.data.managerId).toBe(user.bob);
      expect(await managerOf(id)).toBe(user.bob);
      const cleared = await setManager(id, null);
      expect(cleared.status).toBe(200);
      expect(cleared.body.data.managerId).toBeNull();
      expect(await managerOf(id)).toBeNull();
    });

    it('refuses an unknown or malformed manager at the field', async () => {
      const unknown = await setManager(user.cat, '00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(422);
      expect(unknown.body.error.details).toEqual([expect.objectContaining({ field: 'managerId', rule: 'relation' })]);
      const malformed = await setManager(user.cat, 'boss');
      expect(malformed.status).toBe(422);
      expect(malformed.body.error.details).toEqual([expect.objectContaining({ field: 'managerId', rule: 'format' })]);
    });

    it('422 `cycle` at managerId for a loop: oneself, a direct report, or one further down', async () => {
      // ann manages bob, bob manages cat.
      expect((await setManager(user.bob, user.ann)).status).toBe(200);
      expect((await setManager(user.cat, user.bob)).status).toBe(200);
      for (const managerId of [user.ann, user.bob, user.cat, user.cat.toUpperCase()]) {
        const res = await setManager(user.ann, managerId);
        expect(res.status).toBe(422);
        expect(res.body.error.code).toBe('validation_failed');
        expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'managerId', rule: 'cycle' })]);
      }
      expect(await managerOf(user.ann)).toBeNull();
      // Not a loop: a manager from outside the line, and moving cat up to ann.
      expect((await setManager(user.ann, user.rep)).status).toBe(200);
      expect((await setManager(user.cat, user.ann)).status).toBe(200);
      expect((await setManager(user.rep, user.cat)).status).toBe(422);
    });
  });
});
