import type { Knex } from 'knex';
import type { ExpandNode } from './query-types';

/** The column a many-to-many expand row carries its parent's id in. */
export const PARENT_KEY = '__parent';
/** The column a capped to-many expand row carries its rank among its parent's rows in. */
export const RANK_KEY = '__rank';
/** At most this many related rows per parent in an expanded array (oldest first). */
export const EXPAND_MANY_LIMIT = 100;

/**
 * The one query that loads relation `node` for ALL `parents` (rows of the entity it hangs
 * from): `where id in (…)` for many-to-one, `where <fk> in (…)` for one-to-many. Expanding
 * costs one query per relation path, whatever the number of rows. Undefined when there is
 * nothing to load.
 */
export function expandPlan(knex: Knex, node: ExpandNode, parents: readonly Record<string, unknown>[], target: { schema: string }): Knex.QueryBuilder | undefined {
  const keyOfParent = node.kind === 'many-to-one' ? node.column : 'id';
  const keys = [...new Set(parents.map((row) => row[keyOfParent]).filter((v): v is string => typeof v === 'string'))];
  if (keys.length === 0) return undefined;
  if (node.kind === 'many-to-many') {
    // The target rows joined to their links; `__parent` says whose link each row is.
    const table = `${target.schema}.${node.entity}`;
    return knex
      .from(`${target.schema}.${node.joinTable} as __link`)
      .join(table, `${node.entity}.id`, '__link.right_id')
      .select(`${node.entity}.*`, { [PARENT_KEY]: '__link.left_id' })
      .whereIn('__link.left_id', keys)
      .orderBy([{ column: `${node.entity}.created_at`, order: 'asc' }, { column: `${node.entity}.id`, order: 'asc' }]);
  }
  const qb = knex.from(`${target.schema}.${node.entity}`).select('*');
  if (node.kind === 'many-to-one') return qb.whereIn('id', keys);
  return qb.whereIn(node.column, keys).orderBy([{ column: 'created_at', order: 'asc' }, { column: 'id', order: 'asc' }]);
}

/**
 * Caps a to-many expand query (as built by `expandPlan`, with any permission restriction
 * already applied) at `limit` rows per parent, ranked oldest first, still in one query: a
 * customer with 50,000 activities must not put them all in one response. Ask for one more
 * than you show to know that a list was cut (`truncatedParents`).
 */
export function capPerParent(knex: Knex, node: ExpandNode, query: Knex.QueryBuilder, limit: number): Knex.QueryBuilder {
  const qualify = (column: string) => (node.kind === 'many-to-many' ? `${node.entity}.${column}` : column);
  const parent = node.kind === 'many-to-many' ? '__link.left_id' : node.column;
  query.clearOrder().select(knex.raw('row_number() over (partition by ?? order by ?? asc, ?? asc) as ??', [parent, qualify('created_at'), qualify('id'), RANK_KEY]));
  return knex
    .select('*')
    .from(query.as('__expand'))
    .where(RANK_KEY, '<=', limit)
    .orderBy([{ column: 'created_at', order: 'asc' }, { column: 'id', order: 'asc' }]);
}

/** The parents (ids) whose capped to-many rows reached `limit` + 1, i.e. whose list was cut. */
export function truncatedParents(node: ExpandNode, children: readonly Record<string, unknown>[], limit: number): Set<unknown> {
  const parentKey = node.kind === 'many-to-many' ? PARENT_KEY : node.column;
  return new Set(children.filter((row) => Number(row[RANK_KEY]) > limit).map((row) => row[parentKey]));
}

/**
 * Puts loaded rows on their parents: a many-to-one gets the row (or null), a one-to-many an
 * array. `toValue` turns a child row into what the API shows (the runtime's rowToRecord).
 */
export function attachExpanded<T>(
  node: ExpandNode,
  parents: readonly Record<string, unknown>[],
  children: readonly Record<string, unknown>[],
  toValue: (row: Record<string, unknown>) => T,
): (T | T[] | null)[] {
  if (node.kind === 'many-to-one') {
    const byId = new Map(children.map((row) => [row.id, row]));
    return parents.map((parent) => {
      const row = byId.get(parent[node.column]);
      return row ? toValue(row) : null;
    });
  }
  const parentKey = node.kind === 'many-to-many' ? PARENT_KEY : node.column;
  const byParent = new Map<unknown, T[]>();
  for (const row of children) {
    const list = byParent.get(row[parentKey]) ?? [];
    list.push(toValue(row));
    byParent.set(row[parentKey], list);
  }
  return parents.map((parent) => byParent.get(parent.id) ?? []);
}
