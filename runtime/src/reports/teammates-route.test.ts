/**
 * `GET /api/_reports/teammates`: the people who share a team with the caller, the caller too —
 * the same membership the `team` data scope reads — over real HTTP on PGlite and PostgreSQL.
 */
import type { AppDefinition } from '@tessera/metadata';
import { forEachDatabase } from '../testing/for-each-database';
import { createTestRuntime, type TestRuntime } from '../testing/create-test-runtime';

const app = {
  name: 'teammates', label: { en: 'Teammates' }, layouts: [],
  entities: [{ type: 'object', 'x-name': 'note', 'x-plural': 'notes', 'x-label': { en: 'Note' }, properties: { title: { 'x-id': 'f_title', 'x-type': 'text', 'x-label': { en: 'Title' } } } }],
} as unknown as AppDefinition;

forEachDatabase('teammates', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    const ids: Record<string, string> = {};
    for (const name of ['ann', 'bob', 'cai', 'dee']) ids[name] = (await rt.createUser({ username: name, password: `${name}-password-1`, displayName: name.toUpperCase(), roles: [] })).id;
    const team = async (name: string, members: string[]) => {
      const { id } = (await rt.admin.call('POST', '/api/admin/teams', { name })).body.data;
      for (const m of members) expect((await rt.admin.call('POST', `/api/admin/teams/${id}/members`, { userId: ids[m] })).status).toBeLessThan(300);
    };
    await team('East', ['ann', 'bob']);
    await team('West', ['bob', 'cai']);
  });
  afterAll(() => rt?.close());

  const teammatesOf = async (name: string) => {
    const res = await (await rt.login(name, `${name}-password-1`)).call('GET', '/api/_reports/teammates');
    expect(res.status).toBe(200);
    return (res.body.data as { username: string; displayName: string }[]).map((u) => `${u.username}:${u.displayName}`);
  };

  it('lists the members of every team the caller is in, the caller included, by name only', async () => {
    expect(await teammatesOf('ann')).toEqual(['ann:ANN', 'bob:BOB']);
    expect(await teammatesOf('bob')).toEqual(['ann:ANN', 'bob:BOB', 'cai:CAI']);
    expect(await teammatesOf('cai')).toEqual(['bob:BOB', 'cai:CAI']);
    expect(await teammatesOf('dee')).toEqual([]);
    const res = await (await rt.login('ann', 'ann-password-1')).call('GET', '/api/_reports/teammates');
    expect(Object.keys(res.body.data[0]).sort()).toEqual(['displayName', 'id', 'username']);
  });

  it('needs a signed-in caller', async () => {
    expect((await fetch(`${rt.url}/api/_reports/teammates`)).status).toBe(401);
  });
});
