import type { EntityDefinition, RecordTypeSpec, RecordTypesDefinition } from './entity-types';

/**
 * What a record's type decides, read from `x-record-types` the same way by the server's write
 * check, the web form and the designer: which type a record has, which fields apply to it and
 * which it must fill. An entity without record types has one kind of record: every field applies.
 */
export interface RecordTypeRules {
  definition: RecordTypesDefinition;
  /** The select field holding the type. */
  field: string;
  /** Fields some type lists: each applies only to the types listing it. */
  typeOnly: ReadonlySet<string>;
  /** The type key of a record (its `field` value), or undefined when empty or unknown. */
  typeOf(record: Record<string, unknown>): string | undefined;
  /** The spec of a type key, when it is one. */
  spec(type: string | undefined): RecordTypeSpec | undefined;
  /** Whether `name` applies to records of `type` (common fields apply to every type and to none). */
  applies(name: string, type: string | undefined): boolean;
  /** The fields records of `type` must fill, beyond the entity's own `required`. */
  required(type: string | undefined): string[];
}

export function recordTypeRules(entity: Pick<EntityDefinition, 'x-record-types'>): RecordTypeRules | undefined {
  const definition = entity['x-record-types'];
  if (!definition || typeof definition.field !== 'string' || !definition.types) return undefined;
  const types = definition.types;
  const own = (type: string | undefined): RecordTypeSpec | undefined => (type !== undefined && Object.prototype.hasOwnProperty.call(types, type) ? types[type] : undefined);
  const typeOnly = new Set(Object.values(types).flatMap((t) => t?.fields ?? []));
  return {
    definition,
    field: definition.field,
    typeOnly,
    typeOf(record) {
      const value = record[definition.field];
      return typeof value === 'string' && own(value) ? value : undefined;
    },
    spec: own,
    applies(name, type) {
      return !typeOnly.has(name) || (own(type)?.fields ?? []).includes(name);
    },
    required(type) {
      return [...(own(type)?.required ?? [])];
    },
  };
}

/** Whether a value counts as filled in (the same sense as a required field). */
export function hasValue(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
