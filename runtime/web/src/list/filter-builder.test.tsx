import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { builtinFieldTypes, fieldFilterOperators, type FilterOperator } from '@tessera/engine';
import type { AppDefinition, EntityDefinition, FieldDefinition } from '@tessera/metadata';
import { createFieldTypeFacts } from '../field-types/create-field-type-facts';
import { createI18n } from '../i18n/create-i18n';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { FilterBuilder } from './filter-builder';
import { conditionsToFilter } from './list-query';
import { relatedFilters } from './related-filters';

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

describe('the filter builder, over related records and the owner\'s department', () => {
  const target = {
    type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' },
    properties: {
      industry: { 'x-id': 'i', 'x-type': 'select', 'x-label': { en: 'Industry', zh: '行业' }, 'x-options': [{ value: 'it', label: { en: 'IT' } }, { value: 'finance', label: { en: 'Finance' } }] },
      founded_on: { 'x-id': 'f', 'x-type': 'date', 'x-label': { en: 'Founded' } },
      employees: { 'x-id': 'e', 'x-type': 'number', 'x-label': { en: 'Employees' } },
    },
  } as unknown as EntityDefinition;
  const contact = {
    type: 'object', 'x-name': 'contact', 'x-plural': 'contacts', 'x-label': { en: 'Contact' },
    properties: {
      name: { 'x-id': 'n', 'x-type': 'text', 'x-label': { en: 'Name' } },
      customer: { 'x-id': 'c', 'x-type': 'relation', 'x-label': { en: 'Customer', zh: '所属客户' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
    },
  } as unknown as EntityDefinition;
  const caps = { admin: false, landing: '', entities: { contact: { actions: ['read' as const], scope: 'own' as const, hidden: [], readOnly: [] }, customer: { actions: ['read' as const], scope: 'own' as const, hidden: [], readOnly: [] } } };
  const related = relatedFilters({ entities: [target, contact] } as unknown as AppDefinition, contact, facts, caps);
  const renderRows = (conditions: { field: string; op: FilterOperator; value: string }[]) =>
    renderToStaticMarkup(<I18nextProvider i18n={i18n}><FilterBuilder entity={contact} facts={facts} related={related} conditions={conditions} onChange={() => {}} /></I18nextProvider>);
  /** The value input of the only row. */
  const valueInput = (html: string) => /<(input|select)[^>]*data-testid="filter-value"[^>]*>/.exec(html)?.[0] ?? '';

  it('groups the related fields under the relation, labelled relation › field', () => {
    const html = renderRows([{ field: 'name', op: 'eq', value: '' }]);
    expect(html).toContain('<optgroup label="Customer"><option value="customer.industry">Customer › Industry</option><option value="customer.founded_on">Customer › Founded</option><option value="customer.employees">Customer › Employees</option></optgroup>');
    expect(options(html, 'filter-field')).toContain('owner.department.name');
  });

  it('gives a related field the value input of its kind: its options, a date picker, a number box', () => {
    const select = renderRows([{ field: 'customer.industry', op: 'eq', value: 'it' }]);
    expect(options(select, 'filter-value')).toEqual(['', 'it', 'finance']);
    expect(options(select, 'filter-op')).toEqual([...facts.operators(target.properties.industry)]);
    expect(valueInput(renderRows([{ field: 'customer.founded_on', op: 'lt', value: '' }]))).toMatch(/type="date"/);
    expect(valueInput(renderRows([{ field: 'customer.employees', op: 'gte', value: '5' }]))).toMatch(/type="number"/);
    // The owner's department: a typed name, a list for "is one of".
    const department = renderRows([{ field: 'owner.department.name', op: 'in', value: 'Sales' }]);
    expect(options(department, 'filter-op')).toEqual(['in', 'eq', 'ne', 'nin', 'contains', 'startsWith']);
    expect(valueInput(department)).toMatch(/type="text"[^>]*placeholder="a, b"[^>]*value="Sales"/);
  });
});
