import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { builtinFieldTypes, fieldFilterOperators, type FilterOperator } from '@tessera/engine';
import type { EntityDefinition, FieldDefinition } from '@tessera/metadata';
import { createFieldTypeFacts } from '../field-types/create-field-type-facts';
import { createI18n } from '../i18n/create-i18n';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { FilterBuilder } from './filter-builder';
import { conditionsToFilter } from './list-query';

/**
 * The keywords some built-ins need to describe a real field; every other type gets a bare field.
 * Variants: a formula's operators depend on its result type and on whether it is stored.
 */
const KEYWORDS: Record<string, Partial<FieldDefinition>[]> = {
  select: [{ 'x-options': [{ value: 'a', label: { en: 'A' } }] }],
  multiselect: [{ 'x-options': [{ value: 'a', label: { en: 'A' } }] }],
  relation: [{ 'x-relation': { entity: 'customer', kind: 'many-to-one' } }],
  formula: [
    { 'x-formula': 'amount * 2', 'x-formula-type': 'number' },
    { 'x-formula': 'amount * 2', 'x-formula-type': 'number', 'x-stored': true },
    { 'x-formula': 'name', 'x-formula-type': 'text', 'x-stored': true },
    { 'x-formula': 'amount > 1', 'x-formula-type': 'boolean', 'x-stored': true },
    { 'x-formula': 'closed_on', 'x-formula-type': 'date', 'x-stored': true },
  ],
  rollup: [{ 'x-rollup': { relation: 'lines', fn: 'count' } }, { 'x-rollup': { relation: 'lines', fn: 'sum', field: 'amount' } }],
  file: [{ 'x-file': { maxSize: 1024, accept: ['application/pdf'] } }, { 'x-file': { maxSize: 1024, accept: ['image/*'], multiple: true } }],
  number: [{}, { 'x-scale': 2 }],
};

const facts = createFieldTypeFacts();
const cases: [string, FieldDefinition][] = builtinFieldTypes.flatMap((type) =>
  (KEYWORDS[type.name] ?? [{}]).map((extra, i): [string, FieldDefinition] => [
    `${type.name.replace(/\W/g, '_')}_${i}`,
    { 'x-id': `fld_${type.name}_${i}`, 'x-type': type.name, 'x-label': { en: `${type.name} ${i}` }, ...extra } as FieldDefinition,
  ]));
const entity = { type: 'object', 'x-name': 'sample', 'x-plural': 'samples', 'x-label': { en: 'Sample' }, properties: Object.fromEntries(cases) } as unknown as EntityDefinition;
const engineOperators = (field: FieldDefinition) => fieldFilterOperators(facts.registry.get(field['x-type']), field);

const i18n = createI18n();
void i18n.changeLanguage('en');

function render(conditions: { field: string; op: FilterOperator; value: string }[]): string {
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}><FilterBuilder entity={entity} facts={facts} conditions={conditions} onChange={() => {}} /></I18nextProvider>);
}
/** The option values of the first `<select data-testid="…">` in `html`. */
function options(html: string, testId: string): string[] {
  const select = new RegExp(`<select[^>]*data-testid="${testId}"[^>]*>(.*?)</select>`).exec(html);
  if (!select) return [];
  return [...select[1].matchAll(/<option[^>]*value="([^"]*)"/g)].map((m) => m[1]);
}

describe('the filter builder, for every built-in field type', () => {
  it('covers every built-in type', () => {
    expect(new Set(cases.map(([, f]) => f['x-type']))).toEqual(new Set(builtinFieldTypes.map((t) => t.name)));
  });

  it.each(cases)('%s offers exactly the operators the list-query parser accepts', (name, field) => {
    const expected = engineOperators(field);
    // The field picker of a row (any row: each lists every field that can be filtered).
    const offered = options(render([{ field: 'text_0', op: 'eq', value: '' }]), 'filter-field');
    if (expected.length === 0) {
      // Nothing to filter by (a virtual formula): the field is not offered at all.
      expect(offered).not.toContain(name);
      return;
    }
    expect(offered).toContain(name);
    expect(options(render([{ field: name, op: expected[0], value: '' }]), 'filter-op')).toEqual([...expected]);
  });

  it('names every operator the engine has, in English and Chinese', () => {
    const all = new Set(cases.flatMap(([, field]) => engineOperators(field)));
    for (const op of all) {
      expect(en.operators).toHaveProperty(op);
      expect(zh.operators).toHaveProperty(op);
    }
  });

  it('picks the value input from the value kind, and sends the value as typed (the API coerces it)', () => {
    const html = render([{ field: 'number_1', op: 'gte', value: '1.5' }, { field: 'date_0', op: 'lt', value: '' }, { field: 'boolean_0', op: 'eq', value: 'true' }]);
    expect(html).toMatch(/<input[^>]*type="number"[^>]*value="1.5"/);
    expect(html).toMatch(/<input[^>]*type="date"/);
    expect(JSON.parse(conditionsToFilter(entity, [{ field: 'number_1', op: 'gte', value: '1.5' }, { field: 'multiselect_0', op: 'containsAny', value: 'a, b' }])!))
      .toEqual({ and: [{ number_1: { gte: '1.5' } }, { multiselect_0: { containsAny: ['a', 'b'] } }] });
  });

  it('offers no operator the engine does not list (multiselect: no eq; json and file: isNull only)', () => {
    expect(facts.operators(entity.properties.multiselect_0)).not.toContain('eq');
    expect(facts.operators(entity.properties.json_0)).toEqual(['isNull']);
    expect(facts.operators(entity.properties.file_0)).toEqual(['isNull']);
  });
});

describe('the field-type facts', () => {
  it('knows numbers from their value kind, plugin types included', () => {
    const withPlugin = createFieldTypeFacts([{ ...builtinFieldTypes[0], name: 'rating:stars', jsonSchema: () => ({ type: 'integer', minimum: 1, maximum: 5 }), filterOperators: undefined }]);
    const stars = { 'x-id': 's', 'x-type': 'rating:stars', 'x-label': { en: 'Stars' } } as FieldDefinition;
    expect(withPlugin.isNumeric(stars)).toBe(true);
    expect(withPlugin.operators(stars)).toContain('between');
    expect(facts.isNumeric(entity.properties.currency_0)).toBe(true);
    expect(facts.isNumeric(entity.properties.text_0)).toBe(false);
    expect(facts.operators(stars)).toEqual([]); // a type the app does not register: nothing to offer
  });

  it('lists the system columns with their kinds', () => {
    expect(Object.fromEntries(facts.systemColumns)).toEqual({
      id: 'uuid', created_at: 'datetime', updated_at: 'datetime', created_by: 'uuid', owner: 'uuid', version: 'integer',
    });
  });
});
