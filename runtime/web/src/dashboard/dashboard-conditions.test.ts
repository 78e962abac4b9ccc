import type { DashboardCard, EntityDefinition } from '@tessera/metadata';
import { cardDateField, dashboardConditions, rangeDays, zonedStart } from './dashboard-conditions';

const order: EntityDefinition = {
  type: 'object', 'x-name': 'order', 'x-plural': 'orders', 'x-label': { en: 'Order' },
  properties: {
    status: { 'x-id': 's', 'x-type': 'select', 'x-label': { en: 'Status' }, 'x-options': [{ value: 'open', label: { en: 'Open' } }] },
    ordered_at: { 'x-id': 'o', 'x-type': 'date', 'x-label': { en: 'Ordered' } },
    shipped_at: { 'x-id': 'h', 'x-type': 'datetime', 'x-label': { en: 'Shipped' } },
  },
};
const card = (extra: Partial<DashboardCard>): DashboardCard => ({ id: 'c', title: { en: 'Orders' }, entity: 'order', chart: 'bar', measure: 'count', ...extra });
// 2026-03-31 17:30 UTC is already April 1st in Shanghai: "this quarter" there is Q2, in UTC still Q1.
const now = new Date('2026-03-31T17:30:00Z');
const ctx = { userId: 'me-id', team: ['me-id', 'rep-id'], timeZone: 'Asia/Shanghai', now };

describe('which date a card\'s range applies to', () => {
  it('is the date it groups by, else when the record was created', () => {
    expect(cardDateField(card({ group: 'ordered_at:month' }), order)).toBe('ordered_at');
    expect(cardDateField(card({ group: 'shipped_at' }), order)).toBe('shipped_at');
    expect(cardDateField(card({ group: 'updated_at:day' }), order)).toBe('updated_at');
    expect(cardDateField(card({ group: 'status' }), order)).toBe('created_at');
    expect(cardDateField(card({}), order)).toBe('created_at');
  });
});

describe('a range on the workspace calendar', () => {
  it('starts a day at the zone\'s midnight, daylight saving included', () => {
    expect(zonedStart('2026-04-01', 'Asia/Shanghai')).toBe('2026-04-01T00:00:00+08:00');
    expect(zonedStart('2026-07-01', 'America/New_York')).toBe('2026-07-01T00:00:00-04:00');
    expect(zonedStart('2026-01-01', 'America/New_York')).toBe('2026-01-01T00:00:00-05:00');
    expect(zonedStart('2026-10-01', 'Asia/Kolkata')).toBe('2026-10-01T00:00:00+05:30');
    expect(zonedStart('2026-03-01', 'UTC')).toBe('2026-03-01T00:00:00+00:00');
  });

  it('is the period around today there, or two dates with the last one included', () => {
    expect(rangeDays({ period: 'this-quarter' }, 'Asia/Shanghai', now)).toEqual({ gte: '2026-04-01', lt: '2026-07-01' });
    expect(rangeDays({ period: 'this-quarter' }, 'UTC', now)).toEqual({ gte: '2026-01-01', lt: '2026-04-01' });
    expect(rangeDays({ period: 'custom', from: '2026-02-01', to: '2026-02-28' }, 'UTC', now)).toEqual({ gte: '2026-02-01', lt: '2026-03-01' });
  });
});

describe('the conditions the dashboard adds to a card', () => {
  it('compares a date field with days and a timestamp with the zone\'s instants', () => {
    expect(dashboardConditions(card({ group: 'ordered_at:month' }), order, { range: { period: 'this-quarter' } }, ctx).conditions).toEqual([
      { field: 'ordered_at', op: 'gte', value: '2026-04-01' }, { field: 'ordered_at', op: 'lt', value: '2026-07-01' },
    ]);
    expect(dashboardConditions(card({}), order, { range: { period: 'this-month' } }, ctx).conditions).toEqual([
      { field: 'created_at', op: 'gte', value: '2026-04-01T00:00:00+08:00' }, { field: 'created_at', op: 'lt', value: '2026-05-01T00:00:00+08:00' },
    ]);
  });

  it('pins the owner to me, my team or one person; a viewer in no team is a team of one', () => {
    const owner = (o: Parameters<typeof dashboardConditions>[2]['owner'], team = ctx.team) => dashboardConditions(card({}), order, { owner: o }, { ...ctx, team }).conditions;
    expect(owner({ kind: 'me' })).toEqual([{ field: 'owner', op: 'eq', value: 'me-id' }]);
    expect(owner({ kind: 'team' })).toEqual([{ field: 'owner', op: 'in', value: 'me-id,rep-id' }]);
    expect(owner({ kind: 'team' }, [])).toEqual([{ field: 'owner', op: 'eq', value: 'me-id' }]);
    expect(owner({ kind: 'user', id: 'x' })).toEqual([{ field: 'owner', op: 'eq', value: 'x' }]);
    expect(dashboardConditions(card({}), order, {}, ctx)).toEqual({ conditions: [], skipped: [] });
  });

  it('leaves out, and names, a part on a column the viewer may not see', () => {
    const both = { range: { period: 'this-year' as const }, owner: { kind: 'me' as const } };
    expect(dashboardConditions(card({}), order, both, { ...ctx, hidden: ['owner', 'created_at'] })).toEqual({ conditions: [], skipped: ['range', 'owner'] });
    expect(dashboardConditions(card({ group: 'ordered_at:year' }), order, both, { ...ctx, hidden: ['created_at'] }).skipped).toEqual([]);
  });
});
