import type { EntityDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

/** An entity with nothing to search (only numbers and dates) sits a global search out; it does not refuse it. */
const readingEntity = (): EntityDefinition => ({
  type: 'object',
  'x-name': 'reading',
  'x-plural': 'readings',
  'x-label': { en: 'Reading', zh: '读数' },
  'x-display-field': 'value',
  properties: {
    value: { 'x-id': 'r_value', 'x-type': 'number', 'x-label': { en: 'Value' } },
    taken_on: { 'x-id': 'r_taken_on', 'x-type': 'date', 'x-label': { en: 'Taken on' } },
  },
});

forEachDatabase('global search beside an entity with nothing to search', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: { ...testApp(), entities: [...testApp().entities, readingEntity()] }, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
  }, 180_000);
  afterAll(() => rt?.close());

  it('finds the records of the other entities', async () => {
    expect((await rt.admin.call('POST', '/api/customers', { name: 'Findable Works' })).status).toBe(201);
    expect((await rt.admin.call('POST', '/api/readings', { value: 42 })).status).toBe(201);
    const res = await rt.admin.call('GET', `/api/_search?q=${encodeURIComponent('Findable')}`);
    expect(res.status).toBe(200);
    expect((res.body.data as Array<{ entity: string; hits: Array<{ title: string }> }>).map((g) => [g.entity, g.hits.map((h) => h.title)])).toEqual([['customer', ['Findable Works']]]);
  });
});
