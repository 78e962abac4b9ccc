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
  /** The child's many-to-one column that points at the parent. */
  foreignKey: string;
  fn: RollupFunction;
  /** The child column aggregated; absent for count. */
  valueColumn?: string;
  /** Soft-deleted children (deleted_at set) no longer count. */
  childSoftDelete: boolean;
}

/**
 * The rollups of `entity`, resolved against the app's entities. Rollups whose relation or
 * child does not resolve are skipped: `validateApp` (rollup-invalid) refuses such an app first.
 */
export function entityRollups(entity: EntityDefinition, entities: readonly EntityDefinition[], schema: string): RollupSpec[] {
  const specs: RollupSpec[] = [];
  for (const [column, field] of Object.entries(entity.properties)) {
    const rollup = field['x-rollup'];
    if (field['x-type'] !== 'rollup' || !rollup) continue;
    const relation = entity.properties[rollup.relation]?.['x-relation'];
    if (relation?.kind !== 'one-to-many' || !relation.field) continue;
    const child = entities.find((e) => e['x-name'] === relation.entity);
    if (!child) continue;
    specs.push({
      fieldId: field['x-id'],
      schema,
      name: identifierName([entity['x-name'], column], 'rollup'),
      parentTable: entity['x-name'],
      column,
      childTable: child['x-name'],
      foreignKey: relation.field,
      fn: rollup.fn,
      ...(rollup.fn !== 'count' && rollup.field ? { valueColumn: rollup.field } : {}),
      childSoftDelete: child['x-soft-delete'] === true,
    });
  }
  return specs;
}
