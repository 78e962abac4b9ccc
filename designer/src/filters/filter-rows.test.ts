import type { EntityDefinition } from '@tessera/metadata';
import { filterableFields, filterToRows, newRow, operatorsOf, rowsToFilter, valueInput } from './filter-rows';

const entity = {
  'x-name': 'ticket', 'x-label': { en: 'Ticket' }, type: 'object',
  properties: {
    title: { 'x-id': 'f1', 'x-type': 'text', 'x-label': { en: 'Title' } },
    priority: { 'x-id': 'f2', 'x-type': 'select', 'x-label': { en: 'Priority' }, 'x-options': [{ value: 'low', label: { en: 'Low' } }, { value: 'high', label: { en: 'High' } }] },
    hours: { 'x-id': 'f3', 'x-type': 'number', 'x-label': { en: 'Hours' } },
    due: { 'x-id': 'f4', 'x-type': 'date', 'x-label': { en: 'Due' } },
    agent: { 'x-id': 'f5', 'x-type': 'user', 'x-label': { en: 'Agent' } },
    urgent: { 'x-id': 'f6', 'x-type': 'boolean', 'x-label': { en: 'Urgent' } },
    notes: { 'x-id': 'f7', 'x-type': 'richtext', 'x-label': { en: 'Notes' } },
  },
} as unknown as EntityDefinition;

describe('filter rows', () => {
  it('offers the operators the engine accepts for each field type', () => {
    expect(operatorsOf(entity, 'hours')).toContain('gte');
    expect(operatorsOf(entity, 'title')).toContain('contains');
    expect(operatorsOf(entity, 'title')).not.toContain('gt');
    expect(operatorsOf(entity, 'owner')).toEqual(expect.arrayContaining(['eq', 'ne']));
    expect(operatorsOf(entity, 'nope')).toEqual([]);
    expect(filterableFields(entity)).toEqual(expect.arrayContaining(['title', 'priority', 'hours', 'due', 'owner', 'created_at']));
  });

  it('picks the value input by the field: options, dates, numbers, users with "me", yes/no', () => {
    expect(valueInput(entity, 'priority', 'eq')).toBe('select');
    expect(valueInput(entity, 'priority', 'in')).toBe('select');
    expect(valueInput(entity, 'due', 'gte')).toBe('date');
    expect(valueInput(entity, 'created_at', 'gte')).toBe('datetime');
    expect(valueInput(entity, 'hours', 'lt')).toBe('number');
    expect(valueInput(entity, 'agent', 'eq')).toBe('user');
    expect(valueInput(entity, 'owner', 'eq')).toBe('user');
    expect(valueInput(entity, 'urgent', 'eq')).toBe('boolean');
    expect(valueInput(entity, 'title', 'isNull')).toBe('boolean');
    expect(newRow(entity, 'owner')).toEqual({ field: 'owner', op: 'eq', value: '$me' });
  });

  it('writes the app list builder\'s JSON: and of field → op → value, lists as arrays, isNull as a boolean', () => {
    expect(rowsToFilter([
      { field: 'priority', op: 'in', value: 'low, high' },
      { field: 'hours', op: 'gte', value: '3' },
      { field: 'owner', op: 'eq', value: '$me' },
      { field: 'due', op: 'isNull', value: 'false' },
      { field: 'title', op: 'contains', value: '  ' },
    ])).toEqual({ and: [{ priority: { in: ['low', 'high'] } }, { hours: { gte: '3' } }, { owner: { eq: '$me' } }, { due: { isNull: false } }] });
    expect(rowsToFilter([])).toBeUndefined();
  });

  it('reads a stored filter back into rows and keeps what it cannot show, unchanged', () => {
    const stored = { and: [{ priority: { eq: 'high' } }, { or: [{ hours: { gt: 1 } }, { urgent: { eq: true } }] }, { hours: { between: [1, 5] } }] };
    const { rows, kept } = filterToRows(stored);
    expect(rows).toEqual([{ field: 'priority', op: 'eq', value: 'high' }, { field: 'hours', op: 'between', value: '1, 5' }]);
    expect(kept).toEqual([{ or: [{ hours: { gt: 1 } }, { urgent: { eq: true } }] }]);
    expect(rowsToFilter(rows, kept)).toEqual({ and: [{ priority: { eq: 'high' } }, { hours: { between: ['1', '5'] } }, { or: stored.and[1].or }] });
    expect(filterToRows({ priority: { eq: 'low' }, hours: { lt: 2 } }).rows).toEqual([{ field: 'priority', op: 'eq', value: 'low' }, { field: 'hours', op: 'lt', value: '2' }]);
  });
});
