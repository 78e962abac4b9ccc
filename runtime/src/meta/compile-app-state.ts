import { compileFormula, entityJoinTables, entityToTable, entityToValidator, type CompiledFormula, type EntityValidator, type FieldTypeRegistry, type TableSpec } from '@tessera/engine';
import type { AppDefinition, EntityDefinition, LocalizedText, WorkflowDefinition } from '@tessera/metadata';
import { stateFieldReadOnly } from '../workflows/state-field-read-only';
import { hasInitialTimers } from '../workflows/arm-on-create';

/** One field as the record routes need it: where it is stored and how it is read back. */
export interface CompiledField {
  name: string;
  column: string;
  fromDb?: (value: unknown) => unknown;
  /** The field type's server-side write conversion (rich text sanitized), applied to every write. */
  toDb?: (value: unknown) => unknown;
  /** many-to-many: the join table holding the links; the value is an array of target ids. */
  joinTable?: string;
}

/** A formula field, compiled once per published state. */
export interface CompiledFormulaField {
  name: string;
  /** `x-stored`: kept in its column, computed on every write; else computed on every read. */
  stored: boolean;
  formula: CompiledFormula;
}

export interface CompiledEntity {
  entity: EntityDefinition;
  formulas: CompiledFormulaField[];
  /** PostgreSQL schema and table holding the records. */
  schema: string;
  table: string;
  validate: EntityValidator;
  fields: CompiledField[];
  fieldsByName: Map<string, CompiledField>;
  /** Column name → the name a client knows (for error messages). */
  fieldOfColumn(column: string): string;
  /** Unique index name → the words its refusal is told in (`x-indexes[].message`). */
  conflictMessages: ReadonlyMap<string, LocalizedText>;
  /** A new record starts in a workflow state with `after` timers: its create asks for them (arm-on-create). */
  initialTimers?: boolean;
}

/** Everything a request needs about the published app; replaced whole on publish, never mutated. */
export interface AppState {
  app: AppDefinition;
  version: number;
  registry: FieldTypeRegistry;
  schema: string;
  byPlural: Map<string, CompiledEntity>;
}

export const appSchemaName = (app: Pick<AppDefinition, 'name'>) => `app_${app.name}`;

export function appToTableSpecs(app: AppDefinition, registry: FieldTypeRegistry): TableSpec[] {
  const schema = appSchemaName(app);
  return app.entities.map((entity) => entityToTable(entity, registry, { schema }));
}

function compileEntity(entity: EntityDefinition, registry: FieldTypeRegistry, schema: string, workflows?: WorkflowDefinition[]): CompiledEntity {
  const table = entityToTable(entity, registry, { schema });
  const joinTables = new Map(entityJoinTables(entity, { schema }).map((t) => [t.fieldId, t.name]));
  // A one-to-many has no value of its own: its records are read through `expand`.
  const fields: CompiledField[] = Object.entries(entity.properties).filter(([, field]) => field['x-relation']?.kind !== 'one-to-many').map(([name, field]) => {
    const joinTable = joinTables.get(field['x-id']);
    if (joinTable) return { name, column: name, joinTable };
    // Columns carry the stable field id, so a field's column is found even if names differ.
    const column = table.columns.find((c) => c.fieldId === field['x-id'])?.name ?? name;
    const type = registry.get(field['x-type']);
    const fromDb = type.fromDbFor?.(field) ?? type.fromDb;
    const toDb = type.toDb;
    return { name, column, ...(fromDb ? { fromDb } : {}), ...(toDb ? { toDb } : {}) };
  });
  const byColumn = new Map(fields.map((f) => [f.column, f.name]));
  // Publish has checked every formula (the field type's checkField), so each compiles.
  const formulas = Object.entries(entity.properties).flatMap(([name, field]) => {
    if (field['x-type'] !== 'formula' || !field['x-formula']) return [];
    const compiled = compileFormula(field['x-formula'], entity, field['x-formula-type'] ?? 'text');
    return compiled.ok ? [{ name, stored: field['x-stored'] === true, formula: compiled.formula }] : [];
  });
  return {
    entity,
    formulas,
    schema,
    table: table.name,
    // A workflow's state field is written by transitions only (issue 6).
    validate: stateFieldReadOnly(entityToValidator(entity, registry), entity, workflows),
    fields,
    fieldsByName: new Map(fields.map((f) => [f.name, f])),
    fieldOfColumn: (column) => byColumn.get(column) ?? column,
    conflictMessages: new Map(table.indexes.flatMap((i) => (i.unique && i.message ? [[i.name, i.message] as const] : []))),
    ...(hasInitialTimers(entity, workflows) ? { initialTimers: true } : {}),
  };
}

export function compileAppState(app: AppDefinition, version: number, registry: FieldTypeRegistry): AppState {
  const schema = appSchemaName(app);
  return {
    app,
    version,
    registry,
    schema,
    byPlural: new Map(app.entities.map((entity) => [entity['x-plural'], compileEntity(entity, registry, schema, app.workflows)])),
  };
}
