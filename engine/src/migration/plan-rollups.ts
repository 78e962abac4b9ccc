import type { AppDefinition } from '@tessera/metadata';
import { entityRollups, type RollupSpec } from '../schema/entity-rollups';
import type { MigrationStep } from './migration-types';
import { backfillRollupSql, createRollupSql, dropRollupSql } from './rollup-sql';

const allRollups = (app: AppDefinition | null, schema: string): RollupSpec[] =>
  (app?.entities ?? []).flatMap((entity) => entityRollups(entity, app!.entities, schema));

/**
 * Rollup triggers, matched by field id. Any change to what a trigger does (names after a
 * rename, the function, the child's soft deletion) drops the old trigger first, before
 * renames and data steps can fire it with stale names, and creates the new one last, after
 * every table and column exists, then recomputes the column. Unchanged rollups: no steps.
 */
export function planRollups(from: AppDefinition | null, to: AppDefinition, schema: string, emit: (step: MigrationStep) => void): void {
  const before = new Map(allRollups(from, schema).map((spec) => [spec.fieldId, spec]));
  for (const spec of allRollups(to, schema)) {
    const was = before.get(spec.fieldId);
    before.delete(spec.fieldId);
    if (was && JSON.stringify(createRollupSql(was)) === JSON.stringify(createRollupSql(spec))) continue;
    if (was) emit(dropStep(was));
    emit({
      kind: 'create-rollup',
      safe: true,
      destructive: false,
      fieldId: spec.fieldId,
      description: `Keep ${spec.parentTable}.${spec.column} (${spec.fn}${spec.valueColumn ? ` of ${spec.valueColumn}` : ''} of ${spec.childTable}) with a trigger on ${spec.childTable}, and compute it for every row`,
      sql: [...createRollupSql(spec), backfillRollupSql(spec)],
    });
  }
  for (const was of before.values()) emit(dropStep(was));
}

function dropStep(spec: RollupSpec): MigrationStep {
  return { kind: 'drop-rollup', safe: true, destructive: false, fieldId: spec.fieldId, description: `Drop the rollup trigger ${spec.name} on ${spec.childTable}`, sql: dropRollupSql(spec) };
}
