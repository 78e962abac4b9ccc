import type { MetricMeasure } from '@tessera/metadata';
import { combineSides } from './combine-sides';

const count: MetricMeasure = { entity: 'deal', measure: 'count' };
const avg: MetricMeasure = { entity: 'deal', measure: 'avg:amount' };

describe('a metric\'s rows from its measures', () => {
  it('divides per group, counting a group one side lacks as zero there, and gives no value for a zero denominator', () => {
    const won = new Map<string | null, number | null>([['ann', 2], ['bob', 0]]);
    const closed = new Map<string | null, number | null>([['ann', 4], ['cai', 3], [null, 1]]);
    expect(combineSides(true, { measure: count, values: won }, { measure: count, values: closed })).toEqual([
      { key: 'ann', value: 0.5, numerator: 2, denominator: 4 },
      { key: 'bob', value: null, numerator: 0, denominator: 0 },
      { key: 'cai', value: 0, numerator: 0, denominator: 3 },
      { key: null, value: 0, numerator: 0, denominator: 1 },
    ]);
  });

  it('gives one row without a group, and an unknown average as no value', () => {
    expect(combineSides(false, { measure: count, values: new Map([['', 3]]) }, { measure: count, values: new Map([['', 4]]) })).toEqual([{ value: 0.75, numerator: 3, denominator: 4 }]);
    expect(combineSides(false, { measure: avg, values: new Map() })).toEqual([{ value: null }]);
    expect(combineSides(false, { measure: avg, values: new Map([['', null]]) }, { measure: count, values: new Map([['', 2]]) })).toEqual([{ value: null, numerator: null, denominator: 2 }]);
  });
});
