import type { FieldDefinition } from '@tessera/metadata';
import type { FieldTypeDefinition } from './field-type-types';

/**
 * Whether the system gives the field its value (an autonumber, a formula, a rollup, the inverse
 * side of a relation): its type's JSON Schema marks it `readOnly` — what the validator refuses
 * in a body — or the type is `computed` by the database. Forms show such a field read-only.
 */
export function fieldIsSystemGiven(type: FieldTypeDefinition, field: FieldDefinition): boolean {
  return type.computed === true || type.jsonSchema(field).readOnly === true;
}
