import type { EntityDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry, defineFieldType, definePlugin, entityToTable, entityToValidator, loadPlugins } from '@tessera/engine';
import { planSchemaSync } from '@tessera/engine/sql';
import defaultExport, { ratingPlugin, starsFieldType } from './index';

const review: EntityDefinition = {
  type: 'object',
  'x-name': 'review',
  'x-plural': 'reviews',
  'x-label': { en: 'Review' },
  properties: {
    score: { 'x-id': 'r1', 'x-type': 'rating:stars', 'x-label': { en: 'Score' } },
    effort: { 'x-id': 'r2', 'x-type': 'rating:stars', 'x-label': { en: 'Effort' }, maximum: 3 },
  },
};

const loaded = () => {
  const registry = createFieldTypeRegistry();
  loadPlugins([ratingPlugin], registry);
  return registry;
};

describe('@tessera/plugin-rating', () => {
  it('exports the plugin as default and by name', () => {
    expect(defaultExport).toBe(ratingPlugin);
    expect(ratingPlugin).toMatchObject({ name: '@tessera/plugin-rating', version: '0.1.0' });
  });

  it('adds rating:stars to the registry', () => {
    const registry = loaded();
    expect(registry.get('rating:stars')).toBe(starsFieldType);
    expect(registry.get('rating:stars').widget).toBe('rating:stars');
  });

  it('accepts 1 to 5 and rejects 0 and 6 by rule', () => {
    const validate = entityToValidator(review, loaded());
    expect(validate({ score: 1 }, 'create').ok).toBe(true);
    expect(validate({ score: 5, effort: null }, 'create').ok).toBe(true);
    expect(validate({ score: 0 }, 'create')).toEqual({
      ok: false,
      errors: [{ field: 'score', rule: 'minimum', message: 'Score must be at least 1', params: { limit: 1 } }],
    });
    expect(validate({ score: 6 }, 'create')).toEqual({
      ok: false,
      errors: [{ field: 'score', rule: 'maximum', message: 'Score must be at most 5', params: { limit: 5 } }],
    });
    expect(validate({ score: 2.5 }, 'create')).toMatchObject({ ok: false, errors: [{ field: 'score', rule: 'type' }] });
  });

  it('lets an author lower the maximum', () => {
    const validate = entityToValidator(review, loaded());
    expect(validate({ effort: 4 }, 'update')).toMatchObject({ ok: false, errors: [{ field: 'effort', rule: 'maximum', params: { limit: 3 } }] });
  });

  it('stores ratings in a smallint column', () => {
    const table = entityToTable(review, loaded(), { schema: 'app_crm' });
    expect(table.columns.find((c) => c.name === 'score')).toEqual({ name: 'score', type: { kind: 'smallint' }, nullable: true, fieldId: 'r1' });
    const [, createTable] = planSchemaSync([], [table]).steps;
    expect(createTable.kind === 'create-table' && createTable.sql[0]).toContain('"score" smallint, "effort" smallint');
  });

  it('fails by name when loaded twice or when its type is taken', () => {
    expect(() => loadPlugins([ratingPlugin, ratingPlugin], createFieldTypeRegistry())).toThrow('Plugin "@tessera/plugin-rating" is loaded twice');
    const impostor = definePlugin({
      name: '@acme/stars',
      version: '1.0.0',
      register: (api) => api.fieldTypes.register(defineFieldType({ ...starsFieldType })),
    });
    expect(() => loadPlugins([impostor, ratingPlugin], createFieldTypeRegistry())).toThrow(
      'Plugin "@tessera/plugin-rating" registers field type "rating:stars", which is already registered',
    );
  });
});
