import { entityViews, stringOr, type FieldView } from './app-views';
import { closestName } from './closest-name';
import { capitalize } from './describe-location';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { KnownFieldType, MetadataError } from './validation-types';

function checkOptions(field: FieldView, type: KnownFieldType): MetadataError[] {
  const options = field.value['x-options'];
  if (!type.requiresOptions) return [];
  if (!Array.isArray(options) || options.length === 0) {
    return [
      metadataError(
        'select-without-options',
        field.pointer,
        `The ${type.name} field "${field.name}" of ${field.entity.title} has no options.`,
        'Add at least one option under x-options, e.g. [{"value":"it","label":{"en":"IT"}}].',
      ),
    ];
  }
  const errors: MetadataError[] = [];
  const seen = new Set<string>();
  options.forEach((option, i) => {
    const value = stringOr((option as Record<string, unknown> | null)?.value);
    if (value === undefined) return;
    if (seen.has(value)) {
      errors.push(metadataError('duplicate-option-value', field.pointer + pointerOf('x-options', i, 'value'), `${capitalize(field.title)} has the option value "${value}" twice.`, 'Each option needs its own value; change or remove the second one.'));
    }
    seen.add(value);
  });
  return errors;
}

function checkRelation(field: FieldView, type: KnownFieldType): MetadataError[] {
  const relation = field.value['x-relation'];
  if (type.requiresRelation && relation === undefined) {
    return [metadataError('relation-missing', field.pointer, `The relation field "${field.name}" of ${field.entity.title} does not say which entity it points to.`, 'Add "x-relation": {"entity": "customer", "kind": "many-to-one"}.')];
  }
  if (!type.requiresRelation && relation !== undefined) {
    return [metadataError('relation-not-allowed', field.pointer + pointerOf('x-relation'), `${capitalize(field.title)} has x-relation, but its type "${type.name}" is not a relation.`, 'Remove x-relation, or change x-type to "relation".')];
  }
  return [];
}

function checkPrecision(field: FieldView): MetadataError[] {
  const precision = field.value['x-precision'];
  const scale = field.value['x-scale'];
  if (typeof precision !== 'number' || typeof scale !== 'number' || scale <= precision) return [];
  return [metadataError('scale-exceeds-precision', field.pointer + pointerOf('x-scale'), `${capitalize(field.title)} has ${scale} digits after the point but only ${precision} digits in total.`, 'Make x-scale at most x-precision, e.g. x-precision 18 and x-scale 2.')];
}

/** Per-field rules that depend on the field type: known type, options, relation, precision. */
export function checkFields(app: unknown, fieldTypes: readonly KnownFieldType[]): MetadataError[] {
  const byName = new Map(fieldTypes.map((t) => [t.name, t]));
  const errors: MetadataError[] = [];
  for (const entity of entityViews(app)) {
    for (const field of entity.fields) {
      const typeName = stringOr(field.value['x-type']);
      if (!typeName) continue; // reported by the meta-schema
      const type = byName.get(typeName);
      if (!type) {
        const guess = closestName(typeName, [...byName.keys()]);
        errors.push(
          metadataError(
            'unknown-field-type',
            field.pointer + pointerOf('x-type'),
            `${capitalize(field.title)} has the type "${typeName}", which is not a known field type.`,
            `${guess ? `Did you mean "${guess}"? ` : ''}Known types: ${[...byName.keys()].join(', ')}. A plugin type needs its plugin listed in app.json "plugins".`,
          ),
        );
        continue;
      }
      errors.push(...checkOptions(field, type), ...checkRelation(field, type), ...checkPrecision(field));
    }
  }
  return errors;
}
