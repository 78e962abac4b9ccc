import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import leadScoringPlugin from './index';

const app: AppDefinition = {
  name: 'scoring_test',
  label: { en: 'Scoring test' },
  layouts: [],
  entities: [
    {
      type: 'object', 'x-name': 'lead', 'x-plural': 'leads', 'x-label': { en: 'Lead' }, required: ['name'],
      properties: {
        name: { 'x-id': 'l_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
        source: { 'x-id': 'l_source', 'x-type': 'text', 'x-label': { en: 'Source' } },
        budget: { 'x-id': 'l_budget', 'x-type': 'currency', 'x-label': { en: 'Budget' } },
        email: { 'x-id': 'l_email', 'x-type': 'email', 'x-label': { en: 'Email' } },
        score: { 'x-id': 'l_score', 'x-type': 'number', 'x-label': { en: 'Score' } },
      },
    },
    {
      type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' }, required: ['name'],
      properties: { name: { 'x-id': 'c_name', 'x-type': 'text', 'x-label': { en: 'Name' } }, score: { 'x-id': 'c_score', 'x-type': 'number', 'x-label': { en: 'Score' } } },
    },
  ],
};

const settings = {
  target: { entity: 'lead', field: 'score' },
  rules: [
    { field: 'source', op: 'eq', value: 'referral', points: 30 },
    { field: 'budget', op: 'gt', value: 100000, points: 25 },
    { field: 'email', op: 'isNull', points: -10 },
  ],
};

forEachDatabase('@tessera/plugin-lead-scoring', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app, plugins: [leadScoringPlugin], databaseUrl: getCtx().databaseUrl });
    expect((await rt.admin.call('POST', '/api/_meta/plugins/@tessera/plugin-lead-scoring/enable', { settings })).status).toBe(200);
  });
  afterAll(() => rt?.close());

  it('scores on create, overriding a score typed in', async () => {
    const hot = await rt.admin.call('POST', '/api/leads', { name: 'Hot', source: 'referral', budget: 250000, email: 'a@b.cn', score: 999 });
    expect(hot.status).toBe(201);
    expect(hot.body.data.score).toBe(55);
    const cold = await rt.admin.call('POST', '/api/leads', { name: 'Cold' });
    expect(cold.body.data.score).toBe(-10);
  });

  it('re-scores on change from the stored record plus the change', async () => {
    const { body } = await rt.admin.call('POST', '/api/leads', { name: 'Warming', source: 'web' });
    expect(body.data.score).toBe(-10);
    const emailed = await rt.admin.call('PATCH', `/api/leads/${body.data.id}`, { email: 'w@x.cn' });
    expect(emailed.body.data.score).toBe(0);
    const referred = await rt.admin.call('PATCH', `/api/leads/${body.data.id}`, { source: 'referral', score: 1 });
    expect(referred.body.data.score).toBe(30);
    const renamed = await rt.admin.call('PATCH', `/api/leads/${body.data.id}`, { name: 'Warm' });
    expect(renamed.body.data).toMatchObject({ name: 'Warm', score: 30 });
  });

  it('leaves other entities alone', async () => {
    const res = await rt.admin.call('POST', '/api/customers', { name: 'Acme', score: 7 });
    expect(res.body.data.score).toBe(7);
  });

  it('refuses invalid rules with 422 naming the field', async () => {
    const res = await rt.admin.call('POST', '/api/_meta/plugins/@tessera/plugin-lead-scoring/enable', { settings: { rules: [{ field: 'x', op: 'like', points: 1 }] } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(res.body.error.details)).toContain('op');
  });

  it('stops scoring once disabled', async () => {
    await rt.admin.call('POST', '/api/_meta/plugins/@tessera/plugin-lead-scoring/disable');
    expect((await rt.admin.call('POST', '/api/leads', { name: 'Manual', score: 42 })).body.data.score).toBe(42);
  });
});
