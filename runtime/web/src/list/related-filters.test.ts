import { parseListQuery, restrictEntity, type FilterOperator } from '@tessera/engine';
import type { AppDefinition, EntityDefinition, FieldDefinition } from '@tessera/metadata';
import type { Capabilities } from '../api/capabilities-api';
import { createFieldTypeFacts } from '../field-types/create-field-type-facts';
import { createI18n } from '../i18n/create-i18n';
import { filterChoices, type Translate } from './filter-choices';
import { conditionsToFilter } from './list-query';
import { relatedFilters } from './related-filters';
import { queryToView, viewToQuery } from './saved-view-query';

const field = (id: string, type: string, en: string, zh: string, extra: Partial<FieldDefinition> = {}) =>
  ({ 'x-id': id, 'x-type': type, 'x-label': { en, zh }, ...extra }) as FieldDefinition;
const options = (...values: string[]) => ({ 'x-options': values.map((value) => ({ value, label: { en: value.toUpperCase(), zh: value } })) });

const customer = {
  type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer', zh: '客户' },
  properties: {
    name: field('c1', 'text', 'Name', '客户名称'),
    industry: field('c2', 'select', 'Industry', '行业', options('it', 'finance')),
    level: field('c3', 'select', 'Customer level', '客户等级', options('a', 'b')),
    annual_revenue: field('c4', 'currency', 'Annual revenue', '年营业额'),
    founded_on: field('c5', 'date', 'Founded', '成立日期'),
    next_visit_at: field('c6', 'datetime', 'Next visit', '下次拜访'),
    account_manager: field('c7', 'user', 'Account manager', '客户经理'),
    parent: field('c8', 'relation', 'Parent company', '上级公司', { 'x-relation': { entity: 'customer', kind: 'many-to-one' } }),
    double_revenue: field('c9', 'formula', 'Double', '两倍', { 'x-formula': 'annual_revenue * 2', 'x-formula-type': 'number' }),
    tags: field('c10', 'multiselect', 'Tags', '标签', options('vip', 'new')),
  },
} as unknown as EntityDefinition;
const ledger = {
  type: 'object', 'x-name': 'ledger', 'x-plural': 'ledgers', 'x-label': { en: 'Ledger' },
  properties: { code: field('l1', 'text', 'Code', '编码') },
} as unknown as EntityDefinition;
const contact = {
  type: 'object', 'x-name': 'contact', 'x-plural': 'contacts', 'x-label': { en: 'Contact', zh: '联系人' },
  properties: {
    name: field('k1', 'text', 'Name', '姓名'),
    customer: field('k2', 'relation', 'Customer', '所属客户', { 'x-relation': { entity: 'customer', kind: 'many-to-one' } }),
    ledger: field('k3', 'relation', 'Ledger', '账簿', { 'x-relation': { entity: 'ledger', kind: 'many-to-one' } }),
  },
} as unknown as EntityDefinition;
const app = { name: 'test', label: { en: 'Test' }, entities: [customer, ledger, contact] } as unknown as AppDefinition;

/** A role that reads contacts and customers (the customer's annual revenue hidden) and may not read ledgers. */
const caps: Capabilities = {
  admin: false,
  landing: '#/contacts',
  entities: {
    contact: { actions: ['read'], scope: 'own', hidden: [], readOnly: [] },
    customer: { actions: ['read'], scope: 'own', hidden: ['annual_revenue'], readOnly: [] },
    ledger: { actions: [], scope: 'own', hidden: [], readOnly: [] },
  },
};
/** The entities as the server parses this role's queries (user-permissions.ts: an unreadable entity has no fields). */
const serverEntities = [contact, restrictEntity(customer, new Set(['annual_revenue'])), restrictEntity(ledger, new Set(['code']))];

const facts = createFieldTypeFacts();
const ALL_OPERATORS: FilterOperator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'between', 'contains', 'startsWith', 'isNull', 'containsAll', 'containsAny'];

/** A value the API takes for `field` under `op`, so only the operator can make it refuse. */
function sample(f: FieldDefinition, op: FilterOperator): unknown {
  if (op === 'isNull') return true;
  const one = f['x-options']?.[0].value ?? {
    currency: '5', date: '2026-01-01', datetime: '2026-01-01T00:00:00.000Z', user: '00000000-0000-4000-8000-000000000001',
  }[f['x-type']] ?? 'x';
  if (op === 'between') return [one, one];
  return ['in', 'nin', 'containsAll', 'containsAny'].includes(op) ? [one] : one;
}
const accepts = (path: string, op: FilterOperator, f: FieldDefinition) =>
  parseListQuery({ filter: JSON.stringify({ [path]: { [op]: sample(f, op) } }) }, contact, facts.registry, serverEntities).ok;

describe('related filters: the fields of records one many-to-one hop away', () => {
  const offered = relatedFilters(app, contact, facts, caps);

  it('offers the related entity\'s fields the role may see, and nothing through a relation into an entity it may not read', () => {
    expect(offered.map((r) => r.path)).toEqual([
      'customer.name', 'customer.industry', 'customer.level', 'customer.founded_on', 'customer.next_visit_at', 'customer.account_manager', 'customer.tags',
    ]);
    // Left out: the hidden revenue, the parent (a record id), the virtual formula (no operator), the ledger's code.
  });

  it('offers exactly the operators the API accepts for each path, and the API refuses what is not offered', () => {
    for (const r of offered) {
      const acceptedByApi = ALL_OPERATORS.filter((op) => accepts(r.path, op, r.field));
      expect({ path: r.path, operators: [...r.operators].sort() }).toEqual({ path: r.path, operators: acceptedByApi.sort() });
    }
    // What is not offered is what the API answers 400 to (a hidden field is an unknown field).
    expect(accepts('customer.annual_revenue', 'gte', customer.properties.annual_revenue)).toBe(false);
    expect(accepts('ledger.code', 'eq', ledger.properties.code)).toBe(false);
    expect(accepts('customer.double_revenue', 'eq', customer.properties.double_revenue)).toBe(false);
  });

  it('offers nothing through a relation field hidden from the role', () => {
    const hiding = { ...caps, entities: { ...caps.entities, contact: { ...caps.entities.contact, hidden: ['customer'] } } };
    expect(relatedFilters(app, contact, facts, hiding)).toEqual([]);
  });

  it('sends a related row as its path, with the same values as an own field\'s, and the API parses the whole filter', () => {
    const filter = conditionsToFilter(contact, [
      { field: 'customer.industry', op: 'eq', value: 'it' },
      { field: 'customer.level', op: 'in', value: 'a, b' },
      { field: 'customer.next_visit_at', op: 'gte', value: '2026-03-05T09:30' },
      { field: 'customer.founded_on', op: 'lt', value: '2020-01-01' },
      { field: 'owner.department.name', op: 'in', value: 'Sales East, Sales West' },
      { field: 'customer.annual_revenue', op: 'gte', value: '1000' }, // not offered: left out
    ], offered)!;
    expect(JSON.parse(filter)).toEqual({ and: [
      { 'customer.industry': { eq: 'it' } },
      { 'customer.level': { in: ['a', 'b'] } },
      { 'customer.next_visit_at': { gte: new Date(2026, 2, 5, 9, 30).toISOString() } },
      { 'customer.founded_on': { lt: '2020-01-01' } },
      { 'owner.department.name': { in: ['Sales East', 'Sales West'] } },
    ] });
    expect(parseListQuery({ filter }, contact, facts.registry, serverEntities)).toMatchObject({ ok: true });
    // Without the offered fields (a dashboard card, say) a path row is left out rather than guessed.
    expect(conditionsToFilter(contact, [{ field: 'customer.industry', op: 'eq', value: 'it' }])).toBeUndefined();
  });

  it('keeps related rows in a saved view and restores them', () => {
    const view = { q: '', offset: 0, conditions: [{ field: 'customer.industry', op: 'eq' as const, value: 'it' }, { field: 'owner.department.name', op: 'in' as const, value: 'Sales West' }] };
    const query = viewToQuery(contact, view, offered);
    expect(query).toEqual({ filter: { and: [{ 'customer.industry': { eq: 'it' } }, { 'owner.department.name': { in: ['Sales West'] } }] } });
    expect(queryToView(JSON.parse(JSON.stringify(query)))).toEqual(view);
  });
});

describe('the filter builder\'s choices', () => {
  const i18n = createI18n();
  const t = i18n.t.bind(i18n) as unknown as Translate;
  const related = relatedFilters(app, contact, facts, caps);

  it('names a related field by its relation and its own label, in English and Chinese, grouped under the relation', async () => {
    await i18n.changeLanguage('en');
    const en = filterChoices({ entity: contact, facts, related, t, locale: 'en' });
    expect(en.find((c) => c.name === 'customer.industry')).toMatchObject({ label: 'Customer › Industry', group: 'Customer', kind: 'field' });
    expect(en.find((c) => c.name === 'customer.account_manager')).toMatchObject({ label: 'Customer › Account manager', kind: 'user' });
    expect(en.find((c) => c.name === 'owner.department.name')).toMatchObject({ label: "Owner's department", kind: 'text', operators: ['in', 'eq', 'ne', 'nin', 'contains', 'startsWith'] });
    await i18n.changeLanguage('zh');
    const zh = filterChoices({ entity: contact, facts, related, t, locale: 'zh' });
    expect(zh.find((c) => c.name === 'customer.level')?.label).toBe('所属客户 › 客户等级');
    expect(zh.find((c) => c.name === 'owner.department.name')?.label).toBe('负责人所在部门');
  });

  it('offers no hidden related field, and no owner\'s department when the owner is hidden', () => {
    const names = filterChoices({ entity: contact, facts, related, hidden: ['owner'], t, locale: 'en' }).map((c) => c.name);
    expect(names).not.toContain('customer.annual_revenue');
    expect(names).not.toContain('owner');
    expect(names).not.toContain('owner.department.name');
    expect(names).toEqual(expect.arrayContaining(['name', 'customer', 'customer.industry', 'created_at']));
  });
});
