import type { EntityDefinition } from '@tessera/metadata';
import { poolCell, poolColumns } from './pool-columns';

const entity = {
  type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' }, 'x-display-field': 'name',
  properties: {
    notes: { 'x-id': 'a', 'x-type': 'richtext', 'x-label': { en: 'Notes' } },
    name: { 'x-id': 'b', 'x-type': 'text', 'x-label': { en: 'Name' } },
    level: { 'x-id': 'c', 'x-type': 'select', 'x-label': { en: 'Level' }, 'x-options': [{ value: 'A', label: { en: 'A (key)', zh: 'A（重点）' } }] },
    industry: { 'x-id': 'd', 'x-type': 'select', 'x-label': { en: 'Industry' }, 'x-options': [] },
    phone: { 'x-id': 'e', 'x-type': 'phone', 'x-label': { en: 'Phone' } },
    email: { 'x-id': 'f', 'x-type': 'email', 'x-label': { en: 'Email' } },
  },
} as unknown as EntityDefinition;

describe('pool columns', () => {
  it('are the display field and three plain fields, never hidden ones', () => {
    expect(poolColumns(entity)).toEqual(['name', 'level', 'industry', 'phone']);
    expect(poolColumns(entity, ['phone'])).toEqual(['name', 'level', 'industry', 'email']);
  });
  it('show an option by its label in the UI language', () => {
    expect(poolCell(entity, 'level', 'A', 'zh')).toBe('A（重点）');
    expect(poolCell(entity, 'name', 'Acme', 'en')).toBe('Acme');
    expect(poolCell(entity, 'name', null, 'en')).toBe('');
  });
});
