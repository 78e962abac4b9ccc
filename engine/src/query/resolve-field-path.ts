import type { EntityDefinition, FieldDefinition } from '@tessera/metadata';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import type { FieldTypeDefinition, FilterOperator, JsonSchema } from '../field-types/field-type-types';
import { BOOLEAN_OPERATORS, EQUALITY_OPERATORS, ORDERED_OPERATORS, TEXT_OPERATORS } from '../field-types/filter-operators';
import { formulaFilterOperators } from '../field-types/formula';
import type { FieldRef, RelationHop, ValueKind } from './query-types';

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

export function valueKindOf(schema: JsonSchema): ValueKind {
  const type = schema.type;
  if (type === 'string') {
    if (schema.format === 'date') return 'date';
    if (schema.format === 'date-time') return 'datetime';
    if (schema.format === 'uuid') return 'uuid';
    return 'string';
  }
  if (type === 'number' || type === 'integer' || type === 'boolean' || type === 'array') return type;
  return 'other';
}

/** Plugin types that declare no operators get the ones their JSON type supports. */
function operatorsFromKind(kind: ValueKind): readonly FilterOperator[] {
  switch (kind) {
    case 'string':
      return TEXT_OPERATORS;
    case 'number':
    case 'integer':
    case 'date':
    case 'datetime':
      return ORDERED_OPERATORS;
    case 'boolean':
      return BOOLEAN_OPERATORS;
    case 'uuid':
      return EQUALITY_OPERATORS;
    default:
      return ['isNull'];
  }
}

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
  const operators = type.name === 'formula' ? formulaFilterOperators(field) : (type.filterOperators ?? operatorsFromKind(kind));
  return { column: name, kind, operators, ...(Array.isArray(schema.enum) ? { enum: schema.enum } : {}) };
}

/** The many-to-one target of `name` on `entity`, or undefined when it is not a relation. */
export function relationTarget(name: string, entity: EntityDefinition, ctx: QueryContext): EntityDefinition | undefined {
  if (!Object.prototype.hasOwnProperty.call(entity.properties, name)) return undefined;
  const relation = entity.properties[name]['x-relation'];
  if (!relation || relation.kind !== 'many-to-one') return undefined;
  return ctx.entities.find((e) => e['x-name'] === relation.entity);
}

/**
 * `industry` or `customer.industry` → a FieldRef, or an error message naming the part that
 * is not known. Only names found in metadata are ever returned as columns or tables.
 */
export function resolveFieldPath(path: string, ctx: QueryContext): { ok: true; ref: FieldRef } | { ok: false; message: string } {
  const parts = path.split('.');
  if (parts.length - 1 > MAX_PATH_HOPS) return { ok: false, message: `"${path}" follows more than ${MAX_PATH_HOPS} relations` };
  const hops: RelationHop[] = [];
  let current = ctx.entity;
  for (const part of parts.slice(0, -1)) {
    const target = relationTarget(part, current, ctx);
    if (!target) return { ok: false, message: `"${part}" is not a relation of ${current['x-name']}` };
    hops.push({ column: part, table: target['x-name'] });
    current = target;
  }
  const last = parts[parts.length - 1];
  const own = resolveOwnField(last, current, ctx.registry);
  if (!own) return { ok: false, message: `unknown field "${path}"` };
  return { ok: true, ref: { path, hops, ...own } };
}
