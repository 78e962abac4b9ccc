import type { EntityDefinition, FieldDefinition } from '@tessera/metadata';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import { fieldFilterOperators } from '../field-types/field-filter-operators';
import type { FieldTypeDefinition, FilterOperator } from '../field-types/field-type-types';
import { valueKindOf } from '../field-types/field-value-kind';
import { EQUALITY_OPERATORS, ORDERED_OPERATORS } from '../field-types/filter-operators';
import { directoryField, directoryHop, directoryNames, type DirectoryTable } from './directory-paths';
import type { FieldRef, RelationHop, ValueKind } from './query-types';
import { relationStep } from './relation-step';

/** The entity and the rest of the app, as the query parser needs them. */
export interface QueryContext {
  entity: EntityDefinition;
  registry: FieldTypeRegistry;
  /** The app's entities, to follow relation paths and expand; defaults to `[entity]`. */
  entities: readonly EntityDefinition[];
}

/** System columns every table has, with the kind and operators of each. */
const SYSTEM_REFS: Record<string, { kind: ValueKind; operators: readonly FilterOperator[] }> = {
  id: { kind: 'uuid', operators: EQUALITY_OPERATORS },
  created_at: { kind: 'datetime', operators: ORDERED_OPERATORS },
  updated_at: { kind: 'datetime', operators: ORDERED_OPERATORS },
  created_by: { kind: 'uuid', operators: EQUALITY_OPERATORS },
  owner: { kind: 'uuid', operators: EQUALITY_OPERATORS },
  version: { kind: 'integer', operators: ORDERED_OPERATORS },
};

/** Relation paths stop here: each step is a subquery, and deep paths are rarely what a user means. */
export const MAX_PATH_HOPS = 2;

function isStored(type: FieldTypeDefinition, field: FieldDefinition): boolean {
  return !type.stored || type.stored(field);
}

/** Resolves one field of `entity` (no dots); undefined when it is not a stored field. */
function resolveOwnField(name: string, entity: EntityDefinition, registry: FieldTypeRegistry): Omit<FieldRef, 'path' | 'hops'> | undefined {
  // Own keys only: `valueOf`, `constructor` and friends are not fields.
  const system = Object.prototype.hasOwnProperty.call(SYSTEM_REFS, name) ? SYSTEM_REFS[name] : undefined;
  if (system) return { column: name, kind: system.kind, operators: system.operators, ...(name === 'version' ? { maxAbs: 2147483647 } : {}) };
  if (!Object.prototype.hasOwnProperty.call(entity.properties, name)) return undefined;
  const field = entity.properties[name];
  if (!registry.has(field['x-type'])) return undefined;
  const type = registry.get(field['x-type']);
  if (!isStored(type, field)) return undefined;
  const schema = type.jsonSchema(field);
  const kind = valueKindOf(schema);
  const operators = fieldFilterOperators(type, field);
  return { column: name, kind, operators, ...(Array.isArray(schema.enum) ? { enum: schema.enum } : {}) };
}

/** A user-valued column of `entity` (`owner`, `created_by`, a `user` field), which a path may follow into the directory. */
function isUserField(name: string, entity: EntityDefinition): boolean {
  if (name === 'owner' || name === 'created_by') return true;
  return Object.prototype.hasOwnProperty.call(entity.properties, name) && entity.properties[name]['x-type'] === 'user';
}

/** Where a path stands after some hops: on an entity's rows, or on directory rows. */
type Position = { entity: EntityDefinition } | { directory: DirectoryTable };

/** The hop named `part` from `at`, and where it leads; a string is why there is none. */
function step(part: string, at: Position, ctx: QueryContext): { hop: RelationHop; to: Position } | string {
  if ('directory' in at) {
    const hop = directoryHop(at.directory, part);
    if (!hop) return `"${part}" is not a relation of ${at.directory}; use one of ${directoryNames(at.directory).join(', ')}`;
    return { hop, to: { directory: hop.table } };
  }
  const entity = at.entity;
  if (isUserField(part, entity)) return { hop: { kind: 'many-to-one', column: part, table: 'users', directory: true }, to: { directory: 'users' } };
  const found = relationStep(part, entity, ctx);
  if (typeof found === 'string') return found;
  const target = ctx.entities.find((e) => e['x-name'] === found.entity)!;
  const softDelete = target['x-soft-delete'] === true ? { softDelete: true as const } : {};
  const table = found.entity;
  if (found.kind === 'many-to-many') return { hop: { kind: 'many-to-many', joinTable: found.joinTable!, table, ...softDelete }, to: { entity: target } };
  return { hop: { kind: found.kind, column: found.column, table, ...softDelete }, to: { entity: target } };
}

/**
 * `industry`, `customer.industry`, `contacts.full_name`, `owner.department.name` → a
 * FieldRef, or an error message naming the part that is not known. Only names found in
 * metadata (or the directory allow-list) are ever returned as columns or tables.
 */
export function resolveFieldPath(path: string, ctx: QueryContext): { ok: true; ref: FieldRef } | { ok: false; message: string } {
  const parts = path.split('.');
  if (parts.length - 1 > MAX_PATH_HOPS) return { ok: false, message: `"${path}" follows more than ${MAX_PATH_HOPS} relations` };
  const hops: RelationHop[] = [];
  let at: Position = { entity: ctx.entity };
  for (const part of parts.slice(0, -1)) {
    const next = step(part, at, ctx);
    if (typeof next === 'string') return { ok: false, message: next };
    hops.push(next.hop);
    at = next.to;
  }
  const last = parts[parts.length - 1];
  if ('directory' in at) {
    const field = directoryField(at.directory, last);
    if (!field) return { ok: false, message: `unknown field "${path}"; ${at.directory} have ${directoryNames(at.directory).join(', ')}` };
    return { ok: true, ref: { path, hops, ...field } };
  }
  const own = resolveOwnField(last, at.entity, ctx.registry);
  if (!own) return { ok: false, message: `unknown field "${path}"` };
  return { ok: true, ref: { path, hops, ...own } };
}
