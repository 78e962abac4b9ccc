import type { DashboardCard, EntityDefinition } from '@tessera/metadata';
import { bindMe } from '../meta/bind-me';
import { cardPoints, cardQuery, groupsByUser } from './card-data';

const deal: EntityDefinition = {
  type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' },
  properties: {
    stage: { 'x-id': 's', 'x-type': 'select', 'x-label': { en: 'Stage' }, 'x-options': [{ value: 'new', label: { en: 'New', zh: '新建' } }, { value: 'won', label: { en: 'Won', zh: '赢单' } }, { value: 'lost', label: { en: 'Lost' } }] },
    amount: { 'x-id': 'a', 'x-type': 'currency', 'x-label': { en: 'Amount' }, 'x-currency': 'CNY' },
    closed_on: { 'x-id': 'c', 'x-type': 'date', 'x-label': { en: 'Closed' } },
    region: { 'x-id': 'r', 'x-type': 'text', 'x-label': { en: 'Region' } },
  },
};
const card = (extra: Partial<DashboardCard>): DashboardCard => ({ id: 'c', title: { en: 'Won amount', zh: '赢单金额' }, entity: 'deal', chart: 'bar', measure: 'sum:amount', group: 'stage', ...extra });
const ctx = { locale: 'en' as const, empty: '(none)', yesNo: ['Yes', 'No'] as [string, string] };

describe('cardQuery', () => {
  it('asks the aggregate API for the group, the measure and the filter with $me bound', () => {
    const q = new URLSearchParams(cardQuery(card({ filter: { and: [{ owner: '$me' }, { stage: { in: ['won'] } }] } }), { userId: 'u-1' }));
    expect(q.get('group')).toBe('stage');
    expect(q.get('measures')).toBe('sum:amount');
    expect(JSON.parse(q.get('filter')!)).toEqual({ and: [{ owner: 'u-1' }, { stage: { in: ['won'] } }] });
    expect(new URLSearchParams(cardQuery(card({ chart: 'number', group: undefined, measure: 'count' }))).toString()).toBe('measures=count');
  });

  it('ANDs the dashboard\'s conditions to the card\'s filter and asks for extra measures once', () => {
    const rows = [{ field: 'created_at', op: 'gte' as const, value: '2026-04-01T00:00:00+08:00' }, { field: 'owner', op: 'in' as const, value: 'a,b' }];
    const q = new URLSearchParams(cardQuery(card({ filter: { stage: { ne: 'lost' } } }), { conditions: { entity: deal, rows }, measures: ['count', 'sum:amount'] }));
    expect(q.get('measures')).toBe('sum:amount,count');
    expect(JSON.parse(q.get('filter')!)).toEqual({ and: [{ stage: { ne: 'lost' } }, { and: [{ created_at: { gte: '2026-04-01T00:00:00+08:00' } }, { owner: { in: ['a', 'b'] } }] }] });
    // No card filter: the dashboard's alone; nothing at all: no filter.
    expect(JSON.parse(new URLSearchParams(cardQuery(card({}), { conditions: { entity: deal, rows: rows.slice(1) } })).get('filter')!)).toEqual({ and: [{ owner: { in: ['a', 'b'] } }] });
    expect(new URLSearchParams(cardQuery(card({}), { conditions: { entity: deal, rows: [] } })).has('filter')).toBe(false);
  });

  it('binds $me anywhere in a filter and leaves other values alone', () => {
    expect(bindMe({ or: [{ owner: { eq: '$me' } }, { name: '$meh' }] }, 'u')).toEqual({ or: [{ owner: { eq: 'u' } }, { name: '$meh' }] });
  });
});

describe('cardPoints', () => {
  it('keeps select options in metadata order with zeros, labelled in the language, numbers from text', () => {
    const rows = [{ stage: 'won', 'sum:amount': '1200.50' }, { stage: 'new', 'sum:amount': 300 }, { stage: null, 'sum:amount': 5 }];
    expect(cardPoints(card({}), deal, rows, { ...ctx, locale: 'zh' })).toEqual([
      { key: 'new', label: '新建', value: 300 },
      { key: 'won', label: '赢单', value: 1200.5 },
      { key: 'lost', label: 'Lost', value: 0 },
      { key: '', label: '(none)', value: 5 },
    ]);
  });

  it('orders date buckets in time and labels them by bucket; other groups largest first', () => {
    const rows = [{ 'closed_on:month': '2025-03-01', count: 2 }, { 'closed_on:month': '2025-01-01', count: 7 }];
    expect(cardPoints(card({ group: 'closed_on:month', measure: 'count' }), deal, rows, ctx)).toEqual([
      { key: '2025-01-01', label: 'Jan 2025', value: 7 },
      { key: '2025-03-01', label: 'Mar 2025', value: 2 },
    ]);
    expect(cardPoints(card({ group: 'region', measure: 'count' }), deal, [{ region: 'east', count: 1 }, { region: 'west', count: 4 }], ctx).map((p) => p.key)).toEqual(['west', 'east']);
  });

  it('labels groups by user with their names, and a number card is one figure', () => {
    expect(groupsByUser(card({ group: 'owner' }), deal)).toBe(true);
    expect(groupsByUser(card({}), deal)).toBe(false);
    const users = new Map([['u-1', 'Li Lei']]);
    expect(cardPoints(card({ group: 'owner' }), deal, [{ owner: 'u-1', 'sum:amount': 10 }, { owner: 'u-2', 'sum:amount': 20 }], { ...ctx, users })).toEqual([
      { key: 'u-2', label: 'u-2', value: 20 },
      { key: 'u-1', label: 'Li Lei', value: 10 },
    ]);
    expect(cardPoints(card({ chart: 'number', group: undefined }), deal, [{ 'sum:amount': '99' }], ctx)).toEqual([{ key: '', label: 'Won amount', value: 99 }]);
    expect(cardPoints(card({ chart: 'number', group: undefined }), deal, [], ctx)[0].value).toBe(0);
  });
});
