import type { EntityDefinition, RollupFunction } from '@tessera/metadata';
import { identifierName } from './identifier-name';

/** One rollup column and what keeps it: a trigger on the child table, named after the column. */
export interface RollupSpec {
  fieldId: string;
  schema: string;
  /** The function's and the trigger's name (one per rollup column; triggers are per table). */
  name: string;
  parentTable: string;
  column: string;
  childTable: string;
  /**
   * Which children count: `relation` — the child's many-to-one column `foreignKey` points at the
   * parent; `match` — the child's `childKey` equals the parent's `parentKey`, and with a period
   * the child's `date` lies in the parent's `year` (and `month`, when set).
   */
  join: RollupJoin;
  fn: RollupFunction;
  /** The child column aggregated; absent for count. */
  valueColumn?: string;
  /** Soft-deleted children (deleted_at set) no longer count. */
  childSoftDelete: boolean;
}

export type RollupJoin =
  | { kind: 'relation'; foreignKey: string }
  | { kind: 'match'; childKey: string; parentKey: string; period?: { date: string; year: string; month?: string } };

/**
 * The rollups of `entity`, resolved against the app's entities. Rollups whose relation or
 * child does not resolve are skipped: `validateApp` (rollup-invalid) refuses such an app first.
 */
export function entityRollups(entity: EntityDefinition, entities: readonly EntityDefinition[], schema: string): RollupSpec[] {
  const specs: RollupSpec[] = [];
  for (const [column, field] of Object.entries(entity.properties)) {
    const rollup = field['x-rollup'];
    if (field['x-type'] !== 'rollup' || !rollup) continue;
    const join = joinOf(entity, rollup);
    const child = join && entities.find((e) => e['x-name'] === join.child);
    if (!join || !child) continue;
    specs.push({
      fieldId: field['x-id'],
      schema,
      name: identifierName([entity['x-name'], column], 'rollup'),
      parentTable: entity['x-name'],
      column,
      childTable: child['x-name'],
      join: join.join,
      fn: rollup.fn,
      ...(rollup.fn !== 'count' && rollup.field ? { valueColumn: rollup.field } : {}),
      childSoftDelete: child['x-soft-delete'] === true,
    });
  }
  return specs;
}

function joinOf(entity: EntityDefinition, rollup: NonNullable<EntityDefinition['properties'][string]['x-rollup']>): { child: string; join: RollupJoin } | undefined {
  if (rollup.relation !== undefined) {
    const relation = entity.properties[rollup.relation]?.['x-relation'];
    if (relation?.kind !== 'one-to-many' || !relation.field) return undefined;
    return { child: relation.entity, join: { kind: 'relation', foreignKey: relation.field } };
  }
  if (rollup.entity === undefined || !rollup.match) return undefined;
  const { period } = rollup;
  return {
    child: rollup.entity,
    join: { kind: 'match', childKey: rollup.match.field, parentKey: rollup.match.equals, ...(period ? { period: { date: period.date, year: period.year, ...(period.month ? { month: period.month } : {}) } } : {}) },
  };
}
