import {
  builtinFieldTypes, createFieldTypeRegistry, fieldFilterOperators, fieldIsSystemGiven, fieldValueKind, isNumericKind, SYSTEM_PROPERTIES, valueKindOf,
  type FieldTypeDefinition, type JsonSchema,
} from '@tessera/engine';
import { SYSTEM_FIELDS } from '@tessera/metadata';
import type { FieldTypeFacts } from './field-type-facts';

/** The registry the server runs (built-ins + the app's plugin types), and the facts the screens read from it. */
export function createFieldTypeFacts(pluginTypes: readonly FieldTypeDefinition[] = []): FieldTypeFacts {
  const registry = createFieldTypeRegistry([...builtinFieldTypes, ...pluginTypes]);
  const typeOf = (name: string) => (registry.has(name) ? registry.get(name) : undefined);
  const kind: FieldTypeFacts['kind'] = (field) => {
    const type = typeOf(field['x-type']);
    return type ? fieldValueKind(type, field) : 'other';
  };
  // A nullable system column's schema type is ['string', 'null']: its kind is the non-null part's.
  const systemKind = (schema: JsonSchema) =>
    valueKindOf(Array.isArray(schema.type) ? { ...schema, type: schema.type.find((t) => t !== 'null') } : schema);
  return {
    registry,
    operators: (field) => {
      const type = typeOf(field['x-type']);
      return type ? fieldFilterOperators(type, field) : [];
    },
    kind,
    systemGiven: (field) => {
      const type = typeOf(field['x-type']);
      return type ? fieldIsSystemGiven(type, field) : false;
    },
    isNumeric: (field) => isNumericKind(kind(field)),
    systemColumns: new Map(SYSTEM_FIELDS.map((name) => [name, systemKind(SYSTEM_PROPERTIES[name] ?? {})])),
  };
}
