import type { KnownFieldType } from '@tessera/metadata';
import { builtinFieldTypes } from './builtin-field-types';
import type { FieldTypeDefinition } from './field-type-types';
import { isNumericKind, valueKindOf } from './field-value-kind';

/** Whether a type keeps numbers in a column of its own (a rollup may sum or average it): not computed, not a formula. */
function numericColumn(def: FieldTypeDefinition): boolean {
  if (def.computed || def.stored) return false;
  try {
    return isNumericKind(valueKindOf(def.jsonSchema({ 'x-id': 'probe', 'x-type': def.name, 'x-label': { en: def.name } })));
  } catch {
    return false; // a type that needs keywords to describe its values is not judged here
  }
}

export interface FieldTypeRegistry {
  /** Throws when a type of the same name is already registered. */
  register(def: FieldTypeDefinition): void;
  /** Throws an error naming the type when it is not registered. */
  get(name: string): FieldTypeDefinition;
  has(name: string): boolean;
  list(): FieldTypeDefinition[];
  /** What @tessera/metadata's validateApp needs to know about the registered types. */
  toKnownFieldTypes(): KnownFieldType[];
}

/** A registry holding `types` (the built-ins when omitted); plugins add theirs later. */
export function createFieldTypeRegistry(types: readonly FieldTypeDefinition[] = builtinFieldTypes): FieldTypeRegistry {
  const byName = new Map<string, FieldTypeDefinition>();
  const registry: FieldTypeRegistry = {
    register(def) {
      if (byName.has(def.name)) throw new Error(`Field type "${def.name}" is already registered`);
      byName.set(def.name, def);
    },
    get(name) {
      const def = byName.get(name);
      if (!def) throw new Error(`Unknown field type "${name}"; registered: ${[...byName.keys()].join(', ')}`);
      return def;
    },
    has: (name) => byName.has(name),
    list: () => [...byName.values()],
    toKnownFieldTypes: () =>
      [...byName.values()].map((def) => ({
        name: def.name,
        ...(def.requiresOptions ? { requiresOptions: true } : {}),
        ...(def.requiresRelation ? { requiresRelation: true } : {}),
        ...(numericColumn(def) ? { numeric: true } : {}),
      })),
  };
  for (const def of types) registry.register(def);
  return registry;
}
