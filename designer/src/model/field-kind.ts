import { createFieldTypeRegistry, fieldValueKind, isNumericKind, type FieldTypeRegistry, type ValueKind } from '@tessera/engine';
import type { FieldDefinition } from '@tessera/metadata';

const builtins = createFieldTypeRegistry();

/**
 * The value kind of a field (or of a bare type name), from the engine's field-type definitions,
 * so no designer screen keeps its own list of which types are numbers. `other` for a type the
 * registry does not know.
 */
export function fieldKind(field: FieldDefinition | string, registry: FieldTypeRegistry = builtins): ValueKind {
  const def = typeof field === 'string' ? ({ 'x-id': '', 'x-type': field, 'x-label': { en: field } } as FieldDefinition) : field;
  return registry.has(def['x-type']) ? fieldValueKind(registry.get(def['x-type']), def) : 'other';
}

/** Numbers: summed and averaged by dashboard cards, typed as numbers for defaults. */
export const isNumericField = (field: FieldDefinition | string, registry?: FieldTypeRegistry): boolean => isNumericKind(fieldKind(field, registry));
