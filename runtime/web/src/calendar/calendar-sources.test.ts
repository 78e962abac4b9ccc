import type { AppDefinition } from '@tessera/metadata';
import type { Capabilities } from '../api/capabilities-api';
import { calendarSources, movedValues, rangeQuery, recordToEntry } from './calendar-sources';

const label = { en: 'x' };
const app = {
  name: 'crm', label,
  entities: [
    { type: 'object', 'x-name': 'bid', 'x-plural': 'bids', 'x-label': label, 'x-display-field': 'name', properties: {
      name: { 'x-id': 'b1', 'x-type': 'text', 'x-label': label },
      deadline: { 'x-id': 'b2', 'x-type': 'datetime', 'x-label': label },
    } },
    { type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': label, properties: {
      close: { 'x-id': 'd1', 'x-type': 'date', 'x-label': label },
    } },
  ],
  layouts: [],
  views: [
    { name: 'deadlines', entity: 'bid', label, kind: 'calendar', startField: 'deadline', filter: { owner: '$me' } },
    { name: 'closes', entity: 'deal', label, kind: 'calendar', startField: 'close' },
    { name: 'all', entity: 'bid', label, kind: 'list' },
  ],
} as unknown as AppDefinition;
const caps = (bid: string[], readOnly: string[] = []): Capabilities => ({
  admin: false, landing: '#/bids',
  entities: { bid: { actions: bid as never, scope: 'own', hidden: [], readOnly }, deal: { actions: ['read'] as never, scope: 'all', hidden: [], readOnly: [] } },
});

describe('calendar sources', () => {
  it('are the calendar views the user reads; a drag only where they may update the date', () => {
    expect(calendarSources(app, caps(['read', 'update'])).map((s) => [s.view.name, s.title, s.allDay, s.editable])).toEqual([['deadlines', 'name', false, true], ['closes', 'id', true, false]]);
    expect(calendarSources(app, caps(['read', 'update'], ['deadline']))[0].editable).toBe(false);
    expect(calendarSources(app, caps([])).map((s) => s.view.name)).toEqual(['closes']);
  });

  it('ask for the visible range with the view filter ($me bound), dates by day', () => {
    const [bids, deals] = calendarSources(app, caps(['read']));
    const q = new URLSearchParams(rangeQuery(bids, '2026-12-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00', 'u1'));
    expect(JSON.parse(q.get('filter')!)).toEqual({ and: [{ deadline: { lt: '2027-01-01T00:00:00+08:00' } }, { deadline: { gte: '2026-12-01T00:00:00+08:00' } }, { owner: 'u1' }] });
    expect(q.get('fields')).toBe('deadline,name');
    const d = new URLSearchParams(rangeQuery(deals, '2026-12-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00', 'u1'));
    expect(JSON.parse(d.get('filter')!)).toEqual({ and: [{ close: { lt: '2027-01-01' } }, { close: { gte: '2026-12-01' } }] });
  });

  it('turn records into entries and a drop into the values to write', () => {
    const [bids, deals] = calendarSources(app, caps(['read', 'update']));
    expect(recordToEntry(bids, { id: 'r1', name: 'Tender', deadline: '2026-12-20T06:00:00Z' }, '(untitled)')).toEqual({ id: 'deadlines:r1', title: 'Tender', start: '2026-12-20T06:00:00Z', allDay: false });
    expect(recordToEntry(bids, { id: 'r2', name: 'No date', deadline: null }, '(untitled)')).toBeUndefined();
    const start = new Date('2026-12-22T06:00:00Z');
    expect(movedValues(bids, start, null, '2026-12-22T14:00:00+08:00', '')).toEqual({ deadline: '2026-12-22T06:00:00.000Z' });
    expect(movedValues(deals, start, null, '2026-12-22', '')).toEqual({ close: '2026-12-22' });
  });
});
