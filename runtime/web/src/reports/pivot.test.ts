import { chartShape, pivotToCsv, toPivot } from './pivot';
import { drillConditions, filterToConditions } from './drill-down';
import { bucketEnd, rangeBounds, todayIn } from './report-range';

const rows = [
  { owner: 'ann', 'month': '2026-03-01', 'sum:amount': 50 },
  { owner: 'ann', 'month': '2026-04-01', 'sum:amount': 100 },
  { owner: 'bob', 'month': '2026-03-01', 'sum:amount': 1000 },
  { owner: null, 'month': '2026-04-01', 'sum:amount': 7 },
];
const sorted = (_: string, keys: string[]) => [...keys].sort();

describe('report pivot', () => {
  it('puts the first group down and the second across, with row, column and grand totals', () => {
    const p = toPivot(rows, ['owner', 'month'], 'sum:amount', sorted);
    expect(p.rowKeys).toEqual(['', 'ann', 'bob']);
    expect(p.colKeys).toEqual(['2026-03-01', '2026-04-01']);
    expect(p.cells.get('ann')?.get('2026-04-01')).toBe(100);
    expect(p.rowTotals.get('ann')).toBe(150);
    expect(p.colTotals.get('2026-03-01')).toBe(1050);
    expect(p.total).toBe(1157);
  });

  it('does not add up averages', () => {
    const p = toPivot([{ g: 'a', 'avg:x': 2 }, { g: 'b', 'avg:x': 4 }], ['g'], 'avg:x', sorted);
    expect(Number.isNaN(p.total)).toBe(true);
  });

  it('writes CSV with labels and totals, defusing formulas', () => {
    const p = toPivot(rows.slice(0, 3), ['owner', 'month'], 'sum:amount', sorted);
    const csv = pivotToCsv(p, (g, k) => (g === 'row' ? (k === 'ann' ? '=Ann' : 'Bob, Jr') : k.slice(0, 7)), { row: 'Owner', total: 'Total' });
    expect(csv.split('\r\n')).toEqual(['Owner,2026-03,2026-04,Total', `"'=Ann",50,100,150`, '"Bob, Jr",1000,0,1000', 'Total,1050,100,1150', '']);
  });

  it('chooses a chart from the shape of the data', () => {
    const isDate = (g: string) => g.includes(':');
    expect(chartShape([], isDate)).toBe('number');
    expect(chartShape(['close:month'], isDate)).toBe('line');
    expect(chartShape(['owner'], isDate)).toBe('bar');
    expect(chartShape(['owner', 'close:month'], isDate)).toBe('stacked');
  });
});

describe('report drill-down', () => {
  it('pins each group to the cell: a value, a date bucket, a missing value', () => {
    const base = [{ field: 'stage', op: 'eq' as const, value: 'won' }];
    expect(drillConditions(base, ['owner', 'expected_close:month'], ['u1', '2026-12-01'])).toEqual([
      base[0],
      { field: 'owner', op: 'eq', value: 'u1' },
      { field: 'expected_close', op: 'gte', value: '2026-12-01' },
      { field: 'expected_close', op: 'lt', value: '2027-01-01' },
    ]);
    expect(drillConditions([], ['industry'], [''])).toEqual([{ field: 'industry', op: 'isNull', value: 'true' }]);
  });

  it('reads a saved filter back as builder rows', () => {
    expect(filterToConditions({ and: [{ stage: { in: ['won', 'lost'] } }, { amount: { gte: '5' } }] })).toEqual([
      { field: 'stage', op: 'in', value: 'won,lost' },
      { field: 'amount', op: 'gte', value: '5' },
    ]);
    expect(filterToConditions(undefined)).toEqual([]);
  });

  it('bounds buckets and ranges on the app calendar', () => {
    expect(bucketEnd('2026-12-28', 'week')).toBe('2027-01-04');
    expect(bucketEnd('2026-10-01', 'quarter')).toBe('2027-01-01');
    expect(todayIn('Asia/Shanghai', new Date('2026-03-31T17:30:00Z'))).toEqual([2026, 4, 1]);
    expect(rangeBounds('this-quarter', [2026, 4, 1])).toEqual({ gte: '2026-04-01', lt: '2026-07-01' });
  });
});

describe('report labels', () => {
  const entity = {
    type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' },
    properties: {
      stage: { 'x-id': 'f1', 'x-type': 'select', 'x-label': { en: 'Stage' }, 'x-options': [{ value: 'open', label: { en: 'Open', zh: '进行中' } }, { value: 'won', label: { en: 'Won', zh: '赢单' } }] },
      customer: { 'x-id': 'f2', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
      close: { 'x-id': 'f3', 'x-type': 'date', 'x-label': { en: 'Close' } },
    },
  } as unknown as import('@tessera/metadata').EntityDefinition;
  const ctx = { locale: 'zh' as const, empty: '（空）', other: '（其他）', yesNo: ['是', '否'] as [string, string], users: new Map([['c1', 'Acme'], ['u1', 'Li Wei']]) };

  it('reads options, quarters, people and related records by name, never by id', async () => {
    const { groupValueLabel, orderKeys } = await import('./report-labels');
    expect(groupValueLabel(entity, 'stage', 'won', ctx)).toBe('赢单');
    expect(groupValueLabel(entity, 'close:quarter', '2026-10-01', ctx)).toBe('2026 Q4');
    expect(groupValueLabel(entity, 'owner', 'u1', ctx)).toBe('Li Wei');
    expect(groupValueLabel(entity, 'customer', 'c1', ctx)).toBe('Acme');
    expect(groupValueLabel(entity, 'customer', '5f0c2a9e-1b7d-4c3e-9a8b-0d1e2f3a4b5c', ctx)).toBe('（其他）');
    expect(groupValueLabel(entity, 'customer', '', ctx)).toBe('（空）');
    expect(orderKeys(entity, 'stage', ['', 'won', 'open'], (k) => k)).toEqual(['open', 'won', '']);
  });
});
