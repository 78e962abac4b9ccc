import type { FieldDefinition } from '@tessera/metadata';
import type { FieldTypeDefinition, FilterOperator, ValueKind } from './field-type-types';
import { fieldValueKind } from './field-value-kind';
import { BOOLEAN_OPERATORS, EQUALITY_OPERATORS, ORDERED_OPERATORS, TEXT_OPERATORS } from './filter-operators';

/** Plugin types that declare no operators get the ones their value kind supports. */
export function operatorsForKind(kind: ValueKind): readonly FilterOperator[] {
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

/**
 * The operators a list query accepts on `field`, exactly as the parser checks them (it calls
 * this): none when the field has no column (a virtual formula, a to-many relation), the
 * field's own (`filterOperatorsFor`), else the type's, else its value kind's. Filter builders
 * offer these and nothing else.
 */
export function fieldFilterOperators(type: FieldTypeDefinition, field: FieldDefinition): readonly FilterOperator[] {
  if (type.stored && !type.stored(field)) return [];
  return type.filterOperatorsFor?.(field) ?? type.filterOperators ?? operatorsForKind(fieldValueKind(type, field));
}
