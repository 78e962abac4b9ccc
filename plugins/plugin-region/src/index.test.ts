import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import regionPlugin, { childRegions, isRegionCode, regionPath } from './index';

const app: AppDefinition = {
  name: 'region_test',
  label: { en: 'Region test' },
  layouts: [],
  entities: [
    {
      type: 'object',
      'x-name': 'customer',
      'x-plural': 'customers',
      'x-label': { en: 'Customer' },
      required: ['name'],
      properties: {
        name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
        region: { 'x-id': 'f_region', 'x-type': 'region:cn', 'x-label': { en: 'Region' } },
      },
    },
  ],
};

describe('china regions data', () => {
  it('knows provinces, cities and districts and their paths', () => {
    expect(isRegionCode('11')).toBe(true);
    expect(isRegionCode('110105')).toBe(true);
    expect(isRegionCode('119999')).toBe(false);
    expect(childRegions('')!.length).toBeGreaterThanOrEqual(31);
    expect(childRegions('44')!.map((r) => r.name)).toContain('广州市');
    expect(childRegions('99')).toBeUndefined();
    expect(regionPath('110105')!.map((r) => r.name)).toEqual(['北京市', '市辖区', '朝阳区']);
  });
});

forEachDatabase('@tessera/plugin-region', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app, plugins: [regionPlugin], databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  it('stores a known code of any level in a varchar(12)', async () => {
    for (const code of ['44', '4401', '440106']) {
      const res = await rt.admin.call('POST', '/api/customers', { name: `In ${code}`, region: code });
      expect(res.status).toBe(201);
      expect(res.body.data.region).toBe(code);
    }
    const [column] = await rt.runtime.knex('information_schema.columns').where({ table_name: 'customer', column_name: 'region' }).select('data_type', 'character_maximum_length');
    expect(column).toMatchObject({ data_type: 'character varying', character_maximum_length: 12 });
  });

  it('refuses unknown codes and non-strings: 422 naming the field', async () => {
    for (const region of ['449999', '4', 'abc', 440106]) {
      const res = await rt.admin.call('POST', '/api/customers', { name: 'Nowhere', region });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details[0].field).toBe('region');
    }
  });

  it('filters by province with startsWith', async () => {
    const res = await rt.admin.call('GET', '/api/customers?filter[region][startsWith]=44');
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: { region: string }) => c.region).sort()).toEqual(['44', '4401', '440106']);
  });

  it('serves the cascader levels and a code path from its routes', async () => {
    const base = '/api/plugins/@tessera/plugin-region/regions';
    const provinces = await rt.admin.call('GET', base);
    expect(provinces.status).toBe(200);
    expect(provinces.body.data).toContainEqual({ code: '44', name: '广东省' });
    expect((await rt.admin.call('GET', `${base}?parent=4401`)).body.data).toContainEqual({ code: '440106', name: '天河区' });
    const path = await rt.admin.call('GET', `${base}/440106`);
    expect(path.body.data).toMatchObject({ code: '440106', name: '广东省 广州市 天河区' });
  });

  it('answers bad and unknown codes with the error envelope', async () => {
    const base = '/api/plugins/@tessera/plugin-region/regions';
    const bad = await rt.admin.call('GET', `${base}?parent=x1`);
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'parent' }] });
    const unknown = await rt.admin.call('GET', `${base}?parent=99`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    expect((await rt.admin.call('GET', `${base}/999999`)).status).toBe(404);
    expect((await rt.admin.call('GET', `${base}/12345`)).status).toBe(422);
  });
});
