import type { FieldDefinition } from '@tessera/metadata';
import type { FieldTypeRegistry, FilterOperator, ValueKind } from '@tessera/engine';

/**
 * What the web app knows about a field's type, every fact read from the engine's field-type
 * registry (the built-ins plus the app's plugin types), never re-declared here. Built by
 * `createFieldTypeFacts` in a chunk of its own (the engine brings ajv and jexl, which the
 * first screen does not load); components get it through `useFieldTypeFacts`.
 */
export interface FieldTypeFacts {
  registry: FieldTypeRegistry;
  /** Exactly what the list-query parser accepts (`fieldFilterOperators`); none for a type the app does not register. */
  operators(field: FieldDefinition): readonly FilterOperator[];
  /** The value kind of the field's JSON Schema (`fieldValueKind`); `other` for an unknown type. */
  kind(field: FieldDefinition): ValueKind;
  /**
   * The system gives the field its value (`fieldIsSystemGiven`: its type's schema is read-only,
   * or the type is computed): forms lock it. False for a type the app does not register.
   */
  systemGiven(field: FieldDefinition): boolean;
  /** Numbers (`isNumericKind`): a number box, summed in aggregates. */
  isNumeric(field: FieldDefinition): boolean;
  /** The system columns every record has (`SYSTEM_FIELDS`) and the value kind of each (from the engine's record schema). */
  systemColumns: ReadonlyMap<string, ValueKind>;
}
