import type { AppDefinition } from '@tessera/metadata';
import { expandFor, pathCell, pathField } from './view-cell';

const app = {
  name: 'crm', label: { en: 'CRM' }, layouts: [],
  entities: [
    { type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' }, 'x-display-field': 'name', properties: {
      name: { 'x-id': 'n', 'x-type': 'text', 'x-label': { en: 'Name' } },
      level: { 'x-id': 'l', 'x-type': 'select', 'x-label': { en: 'Level' }, 'x-options': [{ value: 'A', label: { en: 'Key', zh: '重点' } }] },
    } },
    { type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' }, properties: {
      customer: { 'x-id': 'c', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
      amount: { 'x-id': 'a', 'x-type': 'currency', 'x-label': { en: 'Amount' }, 'x-currency': 'CNY' },
    } },
  ],
} as AppDefinition;
const deal = app.entities[1];
const en = { locale: 'en', yesNo: ['Yes', 'No'] as [string, string], entities: app.entities, users: { 'u-1': 'Wang Fang' } };
const zh = { ...en, locale: 'zh' };

describe('view cells', () => {
  it('finds the field at a path and the relations to expand', () => {
    expect(pathField(app, deal, 'customer.level')?.['x-label']).toEqual({ en: 'Level' });
    expect(pathField(app, deal, 'owner')).toBeUndefined();
    expect(expandFor(deal, ['customer.level', 'customer', 'amount', 'owner'])).toEqual(['customer']);
  });

  it('shows an expanded relation by its display field, a path through it by the related field, money as money', () => {
    const record = { id: '1', customer: { id: 'c1', name: 'Acme', level: 'A' }, amount: 1200 };
    expect(pathCell(app, deal, 'customer', record, en)).toEqual({ text: 'Acme', href: '#/customers/c1' });
    expect(pathCell(app, deal, 'customer.level', record, zh)).toEqual({ text: '重点' });
    expect(pathCell(app, deal, 'amount', record, en)).toEqual({ text: 'CN¥1,200.00' });
    expect(pathCell(app, deal, 'customer.level', { id: '2', customer: null }, en)).toEqual({ text: '' });
  });

  it('shows a system user column (owner) by the user\'s name', () => {
    expect(pathCell(app, deal, 'owner', { id: '3', owner: 'u-1' }, en)).toEqual({ text: 'Wang Fang' });
  });
});
