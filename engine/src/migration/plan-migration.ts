import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import { entityToTable } from '../schema/entity-to-table';
import { addForeignKeySql, addIndexSql, createSchemaSql, createTableSql } from '../schema/table-to-sql';
import { diffEntity, type DiffContext } from './diff-entity';
import { matchEntities } from './match-entities';
import { planJoinTables } from './plan-join-tables';
import { planRelationKinds } from './plan-relation-kinds';
import { planRollups } from './plan-rollups';
import { archiveName, qualified } from './migration-sql';
import type { MigrationPlan, MigrationStep, MigrationStepKind, PlanMigrationOptions } from './migration-types';

/**
 * The order steps run in, inside one transaction: constraints that go away are dropped while
 * the old names still hold; renames come next, so data steps and casts see the new names;
 * archiving runs before anything new is created; constraints come last, after every table
 * and column they refer to exists.
 */
const ORDER: readonly MigrationStepKind[] = [
  'create-schema', 'drop-rollup', 'drop-foreign-key', 'drop-index', 'rename-table', 'rename-index', 'rename-foreign-key',
  'rename-column', 'remap-select-values', 'alter-column-type', 'archive-column', 'archive-table',
  'create-table', 'add-column', 'copy-links', 'set-required', 'add-foreign-key', 'add-index', 'create-rollup',
];

const TAG = /^[a-z0-9_]{1,40}$/;

/**
 * The migration from one published version of an app to the next, as data: ordered steps,
 * each with its SQL, safety, prechecks. Pure and deterministic (entities and fields in
 * metadata order), so the same two versions always give the same plan. Fields and entities
 * are matched by their stable ids, so a rename is a rename; labels never reach the plan.
 * `from` null is a fresh install.
 */
export function planMigration(from: AppDefinition | null, to: AppDefinition, registry: FieldTypeRegistry, opts: PlanMigrationOptions = {}): MigrationPlan {
  const schema = `app_${to.name}`;
  const archiveTag = opts.archiveTag ?? 'archived';
  const blockers: string[] = [];
  if (!TAG.test(archiveTag)) throw new Error(`archiveTag "${archiveTag}" must be 1–40 lowercase letters, digits or _`);
  const buckets = new Map<MigrationStepKind, MigrationStep[]>(ORDER.map((kind) => [kind, []]));
  const emit = (step: MigrationStep) => buckets.get(step.kind)!.push(step);

  if (!from) emit({ kind: 'create-schema', safe: true, destructive: false, description: `Create schema ${schema}`, sql: createSchemaSql(schema) });
  else if (from.name !== to.name) blockers.push(`The app is renamed from "${from.name}" to "${to.name}"; moving its schema is not supported.`);

  const match = matchEntities(from?.entities ?? [], to.entities);
  const ctx: DiffContext = {
    schema,
    archiveSchema: `${schema}_archive`,
    archiveTag,
    registry,
    opts,
    entityNames: new Map(match.pairs.map((pair) => [pair.from['x-name'], pair.to['x-name']])),
    emit,
    block: (reason) => blockers.push(reason),
  };
  for (const pair of match.pairs) diffEntity(ctx, pair.from, pair.to);
  for (const pair of match.pairs) planRelationKinds(ctx, pair.from, pair.to);
  for (const entity of match.added) planCreate(ctx, entity);
  // Join tables before the entity archives: a dropped entity must no longer be referenced.
  for (const pair of match.pairs) planJoinTables(ctx, pair.from, pair.to);
  for (const entity of match.added) planJoinTables(ctx, undefined, entity);
  for (const entity of match.removed) planJoinTables(ctx, entity, undefined);
  for (const entity of match.removed) planArchive(ctx, entity);
  planRollups(from, to, schema, emit);

  const archives = [...buckets.get('archive-column')!, ...buckets.get('archive-table')!];
  if (archives.length > 0) emit({ kind: 'create-schema', safe: true, destructive: false, description: `Create archive schema ${ctx.archiveSchema}`, sql: createSchemaSql(ctx.archiveSchema) });

  const steps = ORDER.flatMap((kind) => buckets.get(kind)!);
  const destructive = steps.filter((step) => step.destructive);
  if (destructive.length > 0 && !opts.confirmDestructive) {
    blockers.push(`${destructive.length} destructive step(s) need confirmation (confirmDestructive): ${destructive.map((step) => step.description).join('; ')}.`);
  }
  return { steps, blockers };
}

function planCreate(ctx: DiffContext, entity: EntityDefinition): void {
  const table = entityToTable(entity, ctx.registry, { schema: ctx.schema });
  ctx.emit({ kind: 'create-table', safe: true, destructive: false, description: `Create table ${table.name}`, sql: createTableSql(table) });
  for (const fk of table.foreignKeys) {
    ctx.emit({ kind: 'add-foreign-key', safe: true, destructive: false, description: `Add foreign key ${fk.name} on ${table.name}.${fk.column} (on delete ${fk.onDelete})`, sql: addForeignKeySql(table, fk) });
  }
  for (const index of table.indexes) {
    ctx.emit({ kind: 'add-index', safe: true, destructive: false, description: `Add ${index.unique ? 'unique ' : ''}index ${index.name} on ${table.name}`, sql: addIndexSql(table, index) });
  }
}

/**
 * A dropped entity's rows are copied into the archive schema (a plain copy: no constraints
 * or indexes to clash with earlier archives) and the table is dropped. Dropping without
 * CASCADE fails the transaction if a kept table still references it.
 */
function planArchive(ctx: DiffContext, entity: EntityDefinition): void {
  const name = entity['x-name'];
  const ref = qualified(ctx.schema, name);
  const archive = qualified(ctx.archiveSchema, archiveName([name], ctx.archiveTag));
  ctx.emit({
    kind: 'archive-table',
    safe: false,
    destructive: true,
    description: `Archive table ${name} into ${archive}, then drop it`,
    sql: [`create table ${archive} as table ${ref}`, `drop table ${ref}`],
  });
}
