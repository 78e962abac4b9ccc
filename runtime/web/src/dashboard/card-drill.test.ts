import type { DashboardCard, EntityDefinition } from '@tessera/metadata';
import { cardDrillConditions, cardFilterConditions } from './card-drill';

const deal: EntityDefinition = {
  type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' },
  properties: {
    stage: { 'x-id': 's', 'x-type': 'select', 'x-label': { en: 'Stage' }, 'x-options': [{ value: 'open', label: { en: 'Open' } }, { value: 'won', label: { en: 'Won' } }] },
    amount: { 'x-id': 'a', 'x-type': 'currency', 'x-label': { en: 'Amount' } },
    closed_on: { 'x-id': 'c', 'x-type': 'date', 'x-label': { en: 'Closed' } },
    customer: { 'x-id': 'r', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
  },
} as EntityDefinition;
const card = (extra: Partial<DashboardCard>): DashboardCard => ({ id: 'c', title: { en: 'Deals' }, entity: 'deal', chart: 'bar', measure: 'count', ...extra });

describe('a card\'s filter as list rows', () => {
  it('says the same as the card: single, ANDed, shorthand and $me filters', () => {
    expect(cardFilterConditions(deal, undefined, 'u')).toEqual([]);
    expect(cardFilterConditions(deal, { stage: { ne: 'lost' } }, 'u')).toEqual([{ field: 'stage', op: 'ne', value: 'lost' }]);
    expect(cardFilterConditions(deal, { and: [{ stage: { in: ['open', 'won'] } }, { amount: { gte: 5 } }, { owner: '$me' }] }, 'u-1')).toEqual([
      { field: 'stage', op: 'in', value: 'open,won' },
      { field: 'amount', op: 'gte', value: '5' },
      { field: 'owner', op: 'eq', value: 'u-1' },
    ]);
    expect(cardFilterConditions(deal, { closed_on: { isNull: true } }, 'u')).toEqual([{ field: 'closed_on', op: 'isNull', value: 'true' }]);
  });

  it('refuses what the list could only say differently, so no wrong list opens', () => {
    expect(cardFilterConditions(deal, { or: [{ stage: { eq: 'won' } }, { amount: { gt: 5 } }] }, 'u')).toBeUndefined();
    expect(cardFilterConditions(deal, { 'customer.industry': { eq: 'it' } }, 'u')).toBeUndefined();
    expect(cardFilterConditions(deal, { stage: { in: ['a,b'] } }, 'u')).toBeUndefined();
    expect(cardFilterConditions(deal, { stage: ['won'] }, 'u')).toBeUndefined();
    expect(cardFilterConditions(deal, { hidden_field: { eq: 'x' } }, 'u')).toBeUndefined();
  });
});

describe('the records behind one bar', () => {
  const base = [{ field: 'stage', op: 'ne' as const, value: 'lost' }];
  const bar = [{ field: 'owner', op: 'eq' as const, value: 'rep' }];
  it('pins the group to the clicked value, after the card\'s filter and before the dashboard\'s', () => {
    expect(cardDrillConditions(card({ group: 'stage' }), deal, 'won', base, bar, 'Asia/Shanghai')).toEqual([base[0], { field: 'stage', op: 'eq', value: 'won' }, bar[0]]);
    expect(cardDrillConditions(card({ group: 'stage' }), deal, '', [], [], 'UTC')).toEqual([{ field: 'stage', op: 'isNull', value: 'true' }]);
    // A number card: its whole figure.
    expect(cardDrillConditions(card({ chart: 'number' }), deal, undefined, base, bar, 'UTC')).toEqual([base[0], bar[0]]);
  });

  it('bounds a date bucket by days, a timestamp bucket from the workspace\'s midnight', () => {
    expect(cardDrillConditions(card({ group: 'closed_on:month' }), deal, '2026-04-01', [], [], 'Asia/Shanghai')).toEqual([
      { field: 'closed_on', op: 'gte', value: '2026-04-01' }, { field: 'closed_on', op: 'lt', value: '2026-05-01' },
    ]);
    expect(cardDrillConditions(card({ group: 'created_at:month' }), deal, '2026-04-01', [], [], 'Asia/Shanghai')).toEqual([
      { field: 'created_at', op: 'gte', value: '2026-04-01T00:00:00+08:00' }, { field: 'created_at', op: 'lt', value: '2026-05-01T00:00:00+08:00' },
    ]);
  });
});
