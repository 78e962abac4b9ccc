import type { EntityDefinition } from '@tessera/metadata';
import { aggregateQueryToSql } from './aggregate-query-to-sql';
import { parseAggregateQuery } from './parse-aggregate-query';
import { knex, registry, target } from './query-fixtures';

const quote: EntityDefinition = {
  type: 'object',
  'x-name': 'quote',
  'x-plural': 'quotes',
  'x-label': { en: 'Quote' },
  properties: {
    currency_code: { 'x-id': 'q1', 'x-type': 'select', 'x-label': { en: 'Currency' }, 'x-options': ['CNY', 'USD'].map((value) => ({ value, label: { en: value } })) },
    amount: { 'x-id': 'q2', 'x-type': 'currency', 'x-label': { en: 'Amount' }, 'x-currency-field': 'currency_code' },
    fee: { 'x-id': 'q3', 'x-type': 'currency', 'x-label': { en: 'Fee' }, 'x-currency': 'USD' },
    closed: { 'x-id': 'q4', 'x-type': 'date', 'x-label': { en: 'Closed' } },
  },
};
const parse = (query: Record<string, string>) => parseAggregateQuery(query, quote, registry, [quote]);

describe('aggregates of multi-currency amounts', () => {
  it('sums per currency when grouped by the code field (alone or with other groups)', () => {
    const result = parse({ group: 'closed:month,currency_code', measures: 'count,sum:amount,avg:amount,max:amount' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { sql } = aggregateQueryToSql(knex, result.value, target(quote)).toSQL().toNative();
    expect(sql).toContain('"t0"."currency_code" as "g1"');
    expect(sql).toContain('sum("t0"."amount") as "m1"');
    expect(sql).toContain('group by 1, 2');
  });

  it.each(['sum', 'avg', 'min', 'max'])('refuses %s of a multi-currency amount without group=<code field>', (fn) => {
    expect(parse({ group: 'closed:month', measures: `count,${fn}:amount` })).toEqual({
      ok: false,
      errors: [{ parameter: 'measures', message: `"${fn}:amount" mixes currencies: "amount" has a currency per record, so add group=currency_code` }],
    });
  });

  it('leaves counts and fixed-currency amounts alone', () => {
    expect(parse({ measures: 'count,sum:fee' }).ok).toBe(true);
  });
});
