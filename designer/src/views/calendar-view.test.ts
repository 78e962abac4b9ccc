import { createFieldTypeRegistry, validateAppWithRegistry } from '@tessera/engine';
import type { AppDefinition, ViewDefinition } from '@tessera/metadata';
import { calendarDateFields, endFieldChoices, withCalendarKey, withStartField } from './calendar-view';
import { newView, putView, switchKind } from './edit-views';

const app = {
  name: 'crm', label: { en: 'CRM' }, layouts: [],
  entities: [
    { type: 'object', 'x-id': 'e1', 'x-name': 'bid', 'x-plural': 'bids', 'x-label': { en: 'Bid' }, properties: {
      title: { 'x-id': 'a', 'x-type': 'text', 'x-label': { en: 'Title' } },
      opens_on: { 'x-id': 'b', 'x-type': 'date', 'x-label': { en: 'Opens' } },
      deadline: { 'x-id': 'c', 'x-type': 'datetime', 'x-label': { en: 'Deadline' } },
      closes_on: { 'x-id': 'd', 'x-type': 'date', 'x-label': { en: 'Closes' } },
      amount: { 'x-id': 'e', 'x-type': 'currency', 'x-label': { en: 'Amount' } },
    } },
    { type: 'object', 'x-id': 'e2', 'x-name': 'note', 'x-plural': 'notes', 'x-label': { en: 'Note' }, properties: { body: { 'x-id': 'n', 'x-type': 'text', 'x-label': { en: 'Body' } } } },
  ],
} as unknown as AppDefinition;
const [bid, note] = app.entities;
const publish = (view: ViewDefinition) => {
  const result = validateAppWithRegistry(putView(app, view.name, view), createFieldTypeRegistry());
  return result.ok ? [] : result.errors.map((e) => `${e.code} ${e.pointer}`);
};

describe('calendar views', () => {
  it('creates a calendar placed by the first date field, which publishes', () => {
    const calendar = newView(app, bid, 'calendar', { en: 'Bid calendar', zh: '投标日历' });
    expect(calendar).toEqual({ name: 'bid_calendar', entity: 'bid', label: { en: 'Bid calendar', zh: '投标日历' }, kind: 'calendar', startField: 'opens_on' });
    expect(publish(calendar)).toEqual([]);
    expect(() => newView(app, note, 'calendar', { en: 'Notes' })).toThrow(/no date/);
  });

  it('ends on a field of the start\'s type only, and titles entries by any field', () => {
    expect(calendarDateFields(bid)).toEqual(['opens_on', 'deadline', 'closes_on']);
    expect(endFieldChoices(bid, 'opens_on')).toEqual(['closes_on']);
    expect(endFieldChoices(bid, 'deadline')).toEqual([]);
    let view = newView(app, bid, 'calendar', { en: 'Bids' });
    view = withCalendarKey(withCalendarKey(view, 'endField', 'closes_on'), 'titleField', 'title');
    expect(publish(view)).toEqual([]);
    // A datetime start drops the date end, which would no longer publish.
    const moved = withStartField(view, bid, 'deadline');
    expect(moved).toEqual({ ...view, startField: 'deadline', endField: undefined });
    expect('endField' in moved).toBe(false);
    expect(publish(moved)).toEqual([]);
    expect(publish({ ...view, startField: 'deadline' })).toEqual([expect.stringContaining('view-field-invalid')]);
    expect(withCalendarKey(view, 'titleField', '')).not.toHaveProperty('titleField');
  });

  it('switches between list, kanban and calendar keeping only what each kind may have', () => {
    const list = newView(app, bid, 'list', { en: 'All bids' });
    const calendar = switchKind(app, bid, { ...list, sort: ['-amount'], filter: { amount: { gt: 5 } } }, 'calendar');
    expect(calendar).toEqual({ name: 'bid_list', entity: 'bid', label: { en: 'All bids' }, kind: 'calendar', startField: 'opens_on', filter: { amount: { gt: 5 } } });
    expect(publish(calendar)).toEqual([]);
    const back = switchKind(app, bid, withCalendarKey(calendar, 'endField', 'closes_on'), 'list');
    expect(back).toEqual({ name: 'bid_list', entity: 'bid', label: { en: 'All bids' }, kind: 'list', columns: ['title', 'opens_on', 'deadline', 'closes_on', 'amount'], filter: { amount: { gt: 5 } } });
    expect(publish(back)).toEqual([]);
    const noteList = newView(app, note, 'list', { en: 'Notes' });
    expect(switchKind(app, note, noteList, 'calendar')).toBe(noteList);
  });
});
