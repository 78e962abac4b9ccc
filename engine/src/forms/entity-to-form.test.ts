import type { EntityDefinition, LayoutDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { entityToForm } from './entity-to-form';

const customer: EntityDefinition = {
  type: 'object',
  'x-name': 'customer',
  'x-plural': 'customers',
  'x-label': { en: 'Customer', zh: '客户' },
  'x-display-field': 'name',
  required: ['name'],
  properties: {
    name: { 'x-id': 'c1', 'x-type': 'text', 'x-label': { en: 'Name', zh: '名称' }, maxLength: 120 },
  },
};
const deal: EntityDefinition = {
  type: 'object',
  'x-name': 'deal',
  'x-plural': 'deals',
  'x-label': { en: 'Deal', zh: '商机' },
  required: ['title'],
  properties: {
    title: { 'x-id': 'd1', 'x-type': 'text', 'x-label': { en: 'Title', zh: '标题' } },
    stage: {
      'x-id': 'd2',
      'x-type': 'select',
      'x-label': { en: 'Stage', zh: '阶段' },
      'x-options': [
        { value: 'lead', label: { en: 'Lead', zh: '线索' } },
        { value: 'won', label: { en: 'Won' } },
      ],
    },
    amount: { 'x-id': 'd3', 'x-type': 'currency', 'x-label': { en: 'Amount', zh: '金额' } },
    customer: { 'x-id': 'd4', 'x-type': 'relation', 'x-label': { en: 'Customer', zh: '客户' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
    notes: { 'x-id': 'd5', 'x-type': 'textarea', 'x-label': { en: 'Notes' } },
  },
};
const layout: LayoutDefinition = {
  name: 'deal_form',
  kind: 'form',
  entity: 'deal',
  sections: [
    { id: 'basics', label: { en: 'Basics', zh: '基本信息' }, columns: 2, fields: ['title', 'customer', 'stage'] },
    { id: 'money', label: { en: 'Money' }, fields: ['amount'] },
  ],
};
const registry = createFieldTypeRegistry();

describe('entityToForm', () => {
  it('builds sections, order and widgets from the layout, in the requested locale', () => {
    const { schema, uiSchema } = entityToForm(deal, layout, registry, 'zh', [customer, deal]);
    expect(uiSchema['ui:options']).toEqual({
      sections: [
        { id: 'basics', title: '基本信息', columns: 2, fields: ['title', 'customer', 'stage'] },
        // Fields the layout forgot land in the last section, so none is hidden.
        { id: 'money', title: 'Money', columns: 1, fields: ['amount', 'notes'] },
      ],
    });
    expect(uiSchema['ui:order']).toEqual(['title', 'customer', 'stage', 'amount', 'notes']);
    expect(uiSchema.title).toEqual({ 'ui:widget': 'text', 'ui:title': '标题' });
    expect(uiSchema.amount).toEqual({ 'ui:widget': 'currency', 'ui:title': '金额' });
    expect(uiSchema.notes).toEqual({ 'ui:widget': 'textarea', 'ui:title': 'Notes' });
    expect(schema).toMatchObject({ type: 'object', title: '商机', required: ['title'] });
  });

  it('keeps select values in enum and localizes their labels in ui:enumNames', () => {
    const { schema, uiSchema } = entityToForm(deal, layout, registry, 'zh', [customer, deal]);
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.stage).toEqual({ type: 'string', enum: ['lead', 'won'], title: '阶段' });
    expect(uiSchema.stage).toEqual({ 'ui:widget': 'select', 'ui:title': '阶段', 'ui:enumNames': ['线索', 'Won'] });
  });

  it('uses plain types without null unions', () => {
    const properties = entityToForm(deal, undefined, registry, 'en', [customer, deal]).schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.customer).toEqual({ type: 'string', format: 'uuid', title: 'Customer' });
    expect(properties.amount).toEqual({ type: 'number', 'x-precision': 18, 'x-scale': 2, 'x-currency': 'CNY', title: 'Amount' });
  });

  it('describes the relation target for the relation widget', () => {
    const { uiSchema } = entityToForm(deal, layout, registry, 'en', [customer, deal]);
    expect(uiSchema.customer).toEqual({
      'ui:widget': 'relation',
      'ui:title': 'Customer',
      'ui:options': { entity: 'customer', plural: 'customers', displayField: 'name' },
    });
    expect(entityToForm(deal, layout, registry, 'en', [deal]).uiSchema.customer).toMatchObject({ 'ui:options': { entity: 'customer' } });
  });

  it('puts every field in one section when there is no layout', () => {
    const { uiSchema } = entityToForm(deal, undefined, registry, 'en', [customer, deal]);
    expect(uiSchema['ui:options']).toEqual({
      sections: [{ id: 'main', title: 'Deal', columns: 1, fields: ['title', 'stage', 'amount', 'customer', 'notes'] }],
    });
  });
});

describe('layout tabs and visibility (issue 8)', () => {
  it('emits tabs and visibleWhen on sections and evaluates conditions', async () => {
    const { isFieldVisible, checkVisibleWhen } = await import('./visible-when');
    const { sectionsToTabs } = await import('./sections-to-tabs');
    expect(isFieldVisible('status == "won"', { status: 'won' })).toBe(true);
    expect(isFieldVisible('status == "won"', { status: 'open' })).toBe(false);
    expect(isFieldVisible('((', {})).toBe(true);
    expect(checkVisibleWhen('a ==')).toBeDefined();
    expect(checkVisibleWhen('a > 1')).toBeUndefined();
    const tabs = sectionsToTabs([
      { id: 'a', title: 'A', columns: 1, fields: [] },
      { id: 'b', title: 'B', columns: 1, fields: [], tab: { id: 'more', title: 'More' } },
      { id: 'c', title: 'C', columns: 1, fields: [], tab: { id: 'main', title: 'Main' } },
    ]);
    expect(tabs.map((t) => [t.id, t.sections.map((s) => s.id)])).toEqual([['more', ['a', 'b']], ['main', ['c']]]);
    expect(sectionsToTabs([{ id: 'a', title: 'A', columns: 1, fields: [] }]).map((t) => t.id)).toEqual(['_main']);
    const tabbed: LayoutDefinition = { ...layout, sections: layout.sections.map((s, i) => (i === 0 ? { ...s, tab: { id: 't', label: { en: 'T', zh: '页' } }, visibleWhen: { [s.fields[0]]: 'x == 1' } } : s)) };
    const first = (entityToForm(deal, tabbed, registry, 'zh', [customer, deal]).uiSchema['ui:options'] as { sections: Array<Record<string, unknown>> }).sections[0];
    expect(first).toMatchObject({ tab: { id: 't', title: '页' }, visibleWhen: { [layout.sections[0].fields[0]]: 'x == 1' } });
  });
});
