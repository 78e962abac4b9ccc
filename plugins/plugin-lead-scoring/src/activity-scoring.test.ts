import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, waitFor, type SessionClient, type TestRuntime } from '@tessera/runtime';
import leadScoringPlugin from './index';

const label = (en: string) => ({ en });
const app: AppDefinition = {
  name: 'activity_scoring_test',
  label: label('Activity scoring test'),
  layouts: [],
  entities: [
    {
      type: 'object', 'x-name': 'lead', 'x-plural': 'leads', 'x-label': label('Lead'), required: ['name'],
      properties: {
        name: { 'x-id': 'l_name', 'x-type': 'text', 'x-label': label('Name') },
        source: { 'x-id': 'l_source', 'x-type': 'text', 'x-label': label('Source') },
        email: { 'x-id': 'l_email', 'x-type': 'email', 'x-label': label('Email') },
        score: { 'x-id': 'l_score', 'x-type': 'number', 'x-label': label('Score') },
      },
    },
    {
      type: 'object', 'x-name': 'follow_up', 'x-plural': 'follow_ups', 'x-label': label('Follow-up'), required: ['subject'],
      properties: {
        subject: { 'x-id': 'f_subject', 'x-type': 'text', 'x-label': label('Subject') },
        kind: { 'x-id': 'f_kind', 'x-type': 'text', 'x-label': label('Kind') },
        lead: { 'x-id': 'f_lead', 'x-type': 'relation', 'x-label': label('Lead'), 'x-relation': { entity: 'lead', kind: 'many-to-one', onDelete: 'cascade' } },
      },
    },
  ],
  permissions: {
    roles: {
      // Sees every lead but only the follow-ups they logged.
      rep: { label: label('Rep'), entities: { lead: { actions: ['read', 'update'], scope: 'all' }, follow_up: { actions: ['read', 'create', 'update', 'delete'], scope: 'own' } } },
      // Logs follow-ups but may not change leads, so cannot re-score them.
      clerk: { label: label('Clerk'), entities: { lead: { actions: ['read'], scope: 'all' }, follow_up: { actions: ['read', 'create'], scope: 'all' } } },
    },
  },
};

const followUps = { entity: 'follow_up', link: 'lead' };
const PLUGIN = '/api/_meta/plugins/@tessera/plugin-lead-scoring';

forEachDatabase('@tessera/plugin-lead-scoring activity rules', (getCtx) => {
  let rt: TestRuntime;
  let rep: SessionClient;
  let clerk: SessionClient;
  beforeAll(async () => {
    rt = await createTestRuntime({ app, plugins: [leadScoringPlugin], databaseUrl: getCtx().databaseUrl });
    await rt.createUser({ username: 'rep', password: 'rep-password-1', roles: ['rep'] });
    await rt.createUser({ username: 'clerk', password: 'clerk-password-1', roles: ['clerk'] });
    rep = await rt.login('rep', 'rep-password-1');
    clerk = await rt.login('clerk', 'clerk-password-1');
  });
  afterAll(() => rt?.close());

  const configure = async (rules: unknown[]) => {
    const res = await rt.admin.call('POST', `${PLUGIN}/enable`, { settings: { rules } });
    expect(res.status).toBe(200);
  };
  const newLead = async (data: Record<string, unknown> = {}) => {
    const res = await rt.admin.call('POST', '/api/leads', { name: 'Lead', ...data });
    expect(res.status).toBe(201);
    return res.body.data as { id: string; score: number };
  };
  const logFollowUp = async (lead: string, kind = 'call', as: SessionClient = rt.admin) => {
    const res = await as.call('POST', '/api/follow_ups', { subject: `${kind} with ${lead}`, kind, lead });
    expect(res.status).toBe(201);
    return res.body.data.id as string;
  };
  const lead = async (id: string) => (await rt.admin.call('GET', `/api/leads/${id}`)).body.data as { score: number; version: number };
  /** After-hooks run after the answer: poll until the lead has `score`. */
  const scoreBecomes = async (id: string, score: number) => {
    let last: number | undefined;
    await waitFor(`lead ${id} to score ${score}`, async () => ((last = (await lead(id)).score) === score ? true : undefined), 10_000).catch((err: Error) => {
      throw new Error(`${err.message} (it has ${last})`);
    });
  };
  /** The lead's own update re-scores it in its transaction, with the counts as `as` sees them. */
  const touch = async (id: string, as: SessionClient = rt.admin) => {
    const res = await as.call('PATCH', `/api/leads/${id}`, { name: `Touched ${Date.now()}` });
    expect(res.status).toBe(200);
    return res.body.data.score as number;
  };

  it('a count threshold: points once the second follow-up is logged', async () => {
    await configure([{ activity: followUps, op: 'gte', value: 2, points: 10 }]);
    const { id, score } = await newLead();
    expect(score).toBe(0);
    await logFollowUp(id);
    expect(await touch(id)).toBe(0);
    await logFollowUp(id);
    await scoreBecomes(id, 10);
    expect(await touch(id)).toBe(10);
  });

  it('perItem points per follow-up, capped at max', async () => {
    await configure([{ activity: followUps, perItem: 5, max: 12 }]);
    const { id } = await newLead();
    await logFollowUp(id);
    await scoreBecomes(id, 5);
    await logFollowUp(id);
    await scoreBecomes(id, 10);
    await logFollowUp(id);
    await scoreBecomes(id, 12);
    await logFollowUp(id);
    expect(await touch(id)).toBe(12);
  });

  it('where: only matching follow-ups count, and changing the matched field re-scores', async () => {
    await configure([{ activity: followUps, where: { field: 'kind', op: 'eq', value: 'meeting' }, op: 'gte', value: 1, points: 20 }]);
    const { id } = await newLead();
    await logFollowUp(id, 'call');
    expect(await touch(id)).toBe(0);
    const meeting = await logFollowUp(id, 'meeting');
    await scoreBecomes(id, 20);
    expect((await rt.admin.call('PATCH', `/api/follow_ups/${meeting}`, { kind: 'call' })).status).toBe(200);
    await scoreBecomes(id, 0);
  });

  it('re-linking a follow-up re-scores both leads; deleting one re-scores its lead', async () => {
    await configure([{ activity: followUps, perItem: 10, max: 100 }]);
    const a = (await newLead({ name: 'A' })).id;
    const b = (await newLead({ name: 'B' })).id;
    const first = await logFollowUp(a);
    const second = await logFollowUp(a);
    await scoreBecomes(a, 20);
    expect((await rt.admin.call('PATCH', `/api/follow_ups/${second}`, { lead: b })).status).toBe(200);
    await scoreBecomes(b, 10);
    await scoreBecomes(a, 10);
    expect((await rt.admin.call('DELETE', `/api/follow_ups/${first}`)).status).toBe(204);
    await scoreBecomes(a, 0);
    expect((await lead(b)).score).toBe(10);
  });

  it('field and activity rules add up, on the lead\'s writes and on its follow-ups\'', async () => {
    await configure([
      { field: 'source', op: 'eq', value: 'referral', points: 30 },
      { field: 'email', op: 'isNull', points: -10 },
      { activity: followUps, op: 'gte', value: 1, points: 10 },
      { activity: followUps, where: { field: 'kind', op: 'in', value: ['meeting', 'visit'] }, perItem: 3, max: 6 },
    ]);
    const { id, score } = await newLead({ source: 'referral' });
    expect(score).toBe(20);
    await logFollowUp(id, 'visit');
    await scoreBecomes(id, 33);
    const res = await rt.admin.call('PATCH', `/api/leads/${id}`, { email: 'hot@lead.cn' });
    expect(res.body.data.score).toBe(43);
    await logFollowUp(id, 'meeting');
    await scoreBecomes(id, 46);
  });

  it('counts as the acting user: a rep who sees only their own follow-ups counts only those', async () => {
    await configure([{ activity: followUps, perItem: 1, max: 10 }]);
    const { id } = await newLead();
    await logFollowUp(id, 'call', rt.admin);
    await scoreBecomes(id, 1);
    expect(await touch(id, rep)).toBe(0);
    await logFollowUp(id, 'call', rep);
    await scoreBecomes(id, 1);
    expect(await touch(id, rt.admin)).toBe(2);
  });

  it('a re-score the user may not write is logged; the follow-up is stored all the same', async () => {
    await configure([{ activity: followUps, perItem: 1, max: 10 }]);
    const { id } = await newLead();
    const logged = await logFollowUp(id, 'call', clerk);
    expect((await rt.admin.call('GET', `/api/follow_ups/${logged}`)).body.data).toMatchObject({ lead: id });
    await new Promise((r) => setTimeout(r, 500));
    expect(await lead(id)).toMatchObject({ score: 0, version: 1 });
    expect(await touch(id)).toBe(1);
  });

  it('refuses activity rules without op/value or perItem/max, naming the setting path', async () => {
    const res = await rt.admin.call('POST', `${PLUGIN}/enable`, { settings: { rules: [{ field: 'source', op: 'notNull', points: 1 }, { activity: followUps, points: 10 }] } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['settings.rules.1.op', 'settings.rules.1.value']));
    const both = await rt.admin.call('POST', `${PLUGIN}/enable`, { settings: { rules: [{ activity: followUps, perItem: 5, max: 20, op: 'gte', value: 1, points: 1 }] } });
    expect(both.status).toBe(422);
    expect(both.body.error.message).toContain('settings.rules.0.op');
  });

  it('settings naming what the app lacks reject lead writes with the path, in English and Chinese', async () => {
    await configure([{ field: 'source', op: 'notNull', points: 1 }, { activity: { entity: 'folow_up', link: 'lead' }, op: 'gte', value: 1, points: 10 }]);
    const created = await rt.admin.call('POST', '/api/leads', { name: 'Nowhere' });
    expect(created.status).toBe(422);
    expect(created.body.error.code).toBe('rejected_by_plugin');
    expect(created.body.error.message).toContain('settings.rules.1.activity.entity: "folow_up" is not a published entity');
    expect(created.body.error.message).toContain('不是已发布的实体');

    await configure([{ activity: { entity: 'follow_up', link: 'leed' }, op: 'gte', value: 1, points: 10 }]);
    const { id } = await newLead();
    const updated = await rt.admin.call('PATCH', `/api/leads/${id}`, { name: 'Renamed' });
    expect(updated.status).toBe(422);
    expect(updated.body.error.message).toContain('settings.rules.0.activity.link');
    // The activity's own write never fails for the plugin's sake.
    expect((await rt.admin.call('POST', '/api/follow_ups', { subject: 'still fine', lead: id })).status).toBe(201);

    await configure([{ activity: followUps, where: { field: 'mood', op: 'eq', value: 'happy' }, perItem: 1, max: 3 }]);
    const filtered = await rt.admin.call('PATCH', `/api/leads/${id}`, { name: 'Renamed' });
    expect(filtered.status).toBe(422);
    expect(filtered.body.error.message).toContain('settings.rules.0.where');
    expect(filtered.body.error.message).toContain('评分设置 settings.rules.0.where');
  });
});
