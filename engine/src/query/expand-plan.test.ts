import { attachExpanded, expandPlan } from './expand-plan';
import type { ExpandNode } from './query-types';
import { knex } from './query-fixtures';

const toOne: ExpandNode = { name: 'customer', kind: 'many-to-one', column: 'customer', entity: 'customer', children: [] };
const toMany: ExpandNode = { name: 'contacts', kind: 'one-to-many', column: 'customer', entity: 'contact', children: [] };

describe('expandPlan', () => {
  const parents = [
    { id: 'p1', customer: 'c1' },
    { id: 'p2', customer: 'c1' },
    { id: 'p3', customer: null },
    { id: 'p4', customer: 'c2' },
  ];

  it('loads a many-to-one for all parents in one query, each id once', () => {
    expect(expandPlan(knex, toOne, parents, { schema: 'app_t' })!.toSQL().toNative()).toEqual({
      sql: 'select * from "app_t"."customer" where "id" in ($1, $2)',
      bindings: ['c1', 'c2'],
    });
  });

  it('loads a one-to-many by the children foreign key', () => {
    expect(expandPlan(knex, toMany, parents, { schema: 'app_t' })!.toSQL().toNative()).toEqual({
      sql: 'select * from "app_t"."contact" where "customer" in ($1, $2, $3, $4) order by "created_at" asc, "id" asc',
      bindings: ['p1', 'p2', 'p3', 'p4'],
    });
  });

  it('plans no query when there is nothing to load', () => {
    expect(expandPlan(knex, toOne, [{ id: 'p', customer: null }], { schema: 'app_t' })).toBeUndefined();
  });

  it('attaches rows: one or null for many-to-one, arrays for one-to-many', () => {
    const rows = [{ id: 'c1', name: 'A' }, { id: 'c2', name: 'B' }];
    expect(attachExpanded(toOne, parents, rows, (r) => r.name)).toEqual(['A', 'A', null, 'B']);
    const kids = [{ id: 'k1', customer: 'p1' }, { id: 'k2', customer: 'p1' }, { id: 'k3', customer: 'p4' }];
    expect(attachExpanded(toMany, parents, kids, (r) => r.id)).toEqual([['k1', 'k2'], [], [], ['k3']]);
  });
});
