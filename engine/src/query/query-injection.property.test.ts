import fc from 'fast-check';
import { aggregateQueryToSql } from './aggregate-query-to-sql';
import { listQueryToSql } from './list-query-to-sql';
import { parseAggregateQuery } from './parse-aggregate-query';
import { parseListQuery } from './parse-list-query';
import { contact, customer, deal, entities, knex, registry, target, toManyEntities } from './query-fixtures';

const NASTY = ["'; drop table x; --", '1 or 1=1', "' OR '1'='1", '"; select pg_sleep(10); --', '\\', '%', '_', '$1', '?', '??', '深圳华为', '\u202e', '😀', ')', '/*', 'NULL'];
const nasty = fc.oneof(fc.constantFrom(...NASTY), fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
/** The strongest form: the SQL text is the same whatever the values (only the bindings differ). */
const SAFE = ['placeholder-a', 'placeholder-b'];

const FIELD_NAMES = new Set([...Object.keys(customer.properties), 'id', 'created_at', 'updated_at', 'created_by', 'owner', 'version']);

describe('no client text reaches SQL text', () => {
  it('filter, contains and q values only ever appear in bindings', () => {
    const value = nasty.filter((s) => s.trim() !== '' && !s.includes(','));
    fc.assert(
      fc.property(value, value, (a, b) => {
        const query = { 'filter[full_name][contains]': a, 'filter[full_name][in]': [a, b], q: b, filter: JSON.stringify({ or: [{ full_name: a }, { 'customer.name': { startsWith: b } }] }) };
        const result = parseListQuery(query, contact, registry, entities);
        // Rejected input never reaches SQL at all; accepted input must only be bound.
        if (!result.ok) return a.length > 1000 || b.length > 200 || (a + b).includes('\u0000');
        const { sql } = listQueryToSql(knex, result.value, target(contact)).toSQL().toNative();
        const baseline = parseListQuery({ ...query, 'filter[full_name][contains]': SAFE[0], 'filter[full_name][in]': SAFE, q: SAFE[1], filter: JSON.stringify({ or: [{ full_name: SAFE[0] }, { 'customer.name': { startsWith: SAFE[1] } }] }) }, contact, registry, entities);
        if (!baseline.ok) return false;
        // Same SQL text as with harmless placeholders: the values can only be in the bindings. (A
        // substring search for `a` would be unsound: "name" is also a column the SQL names.)
        return sql === listQueryToSql(knex, baseline.value, target(contact)).toSQL().toNative().sql;
      }),
    );
  });

  it('to-many and user paths bind their values too', () => {
    const value = nasty.filter((s) => s.trim() !== '' && !s.includes(','));
    const queryOf = (a: string, b: string) => ({
      'filter[contacts.full_name][contains]': a,
      filter: JSON.stringify({ or: [{ 'contacts.deals.title': { in: [a, b] } }, { 'owner.department.name': b }, { 'owner.username': { startsWith: a } }] }),
    });
    const sqlOf = (a: string, b: string) => {
      const result = parseListQuery(queryOf(a, b), customer, registry, toManyEntities);
      return result.ok ? listQueryToSql(knex, result.value, target(customer)).toSQL().toNative() : undefined;
    };
    const baseline = sqlOf(SAFE[0], SAFE[1])!.sql;
    fc.assert(
      fc.property(value, value, (a, b) => {
        const compiled = sqlOf(a, b);
        if (!compiled) return a.length > 1000 || b.length > 1000 || (a + b).includes('\u0000');
        return compiled.sql === baseline && compiled.bindings.includes(b);
      }),
    );
  });

  it('text values are accepted and bound verbatim (after LIKE escaping)', () => {
    fc.assert(
      fc.property(nasty.filter((s) => !s.includes('\u0000') && s.trim() !== '' && s.length <= 200 && !s.includes(',')), (a) => {
        const result = parseListQuery({ 'filter[name]': a }, customer, registry, entities);
        if (!result.ok) return false;
        const { sql, bindings } = listQueryToSql(knex, result.value, target(customer)).toSQL().toNative();
        const baseline = parseListQuery({ 'filter[name]': SAFE[0] }, customer, registry, entities);
        return baseline.ok && bindings[0] === a && sql === listQueryToSql(knex, baseline.value, target(customer)).toSQL().toNative().sql;
      }),
    );
  });

  it('field names not in metadata are always rejected, in every parameter', () => {
    const unknown = nasty.filter((s) => s !== '' && !FIELD_NAMES.has(s) && !FIELD_NAMES.has(s.replace(/^[-+]/, '')));
    fc.assert(
      fc.property(unknown, (name) => {
        const attempts = [
          parseListQuery({ [`filter[${name}]`]: 'x' }, customer, registry, entities),
          parseListQuery({ filter: JSON.stringify({ [name]: 'x' }) }, customer, registry, entities),
          parseListQuery({ sort: name }, customer, registry, entities),
          parseListQuery({ fields: name }, customer, registry, entities),
          parseListQuery({ expand: name }, deal, registry, entities),
          parseAggregateQuery({ group: name }, customer, registry, entities),
          parseAggregateQuery({ measures: `sum:${name}` }, customer, registry, entities),
        ];
        return attempts.every((r) => !r.ok);
      }),
    );
  });

  it('aggregate SQL never contains the request text', () => {
    fc.assert(
      fc.property(nasty, (a) => {
        const result = parseAggregateQuery({ group: 'industry', 'filter[name][startsWith]': a }, customer, registry, entities);
        if (!result.ok) return true;
        // Compared with a baseline rather than searched for `a`: a value such as "name" is also a
        // column the SQL legitimately names, so only "same SQL text whatever the value" is sound.
        const baseline = parseAggregateQuery({ group: 'industry', 'filter[name][startsWith]': SAFE[0] }, customer, registry, entities);
        if (!baseline.ok) return false;
        const sql = aggregateQueryToSql(knex, result.value, target(customer)).toSQL().sql;
        return sql === aggregateQueryToSql(knex, baseline.value, target(customer)).toSQL().sql;
      }),
    );
  });
});
