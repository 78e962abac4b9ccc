import type { AppDefinition, FieldDefinition, MetadataError, ValidationResult } from '@tessera/metadata';
import { validateApp } from '@tessera/metadata';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import type { FieldTypeDefinition } from '../field-types/field-type-types';
import { fieldToJsonSchema } from '../schema/field-to-json-schema';
import { checkAppQueries } from '../query/check-app-queries';
import { checkEntityRules } from './entity-rules';
import { fieldIsSystemGiven } from '../field-types/field-is-system-given';

/** Keywords every field may carry, whatever its type. */
const COMMON_KEYWORDS = new Set(['x-id', 'x-type', 'x-label', 'description', '$comment', 'default', 'x-readonly', 'x-plugins', 'x-personal']);

const pointerPart = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Metadata validation with the field types of `registry`, then what only the field types
 * know: keywords a type ignores (maxLength on a boolean would silently do nothing) and
 * defaults its own schema rejects. The engine checks run only on metadata that passed the
 * first stage, since they rely on its shape.
 */
export function validateAppWithRegistry(app: unknown, registry: FieldTypeRegistry): ValidationResult<AppDefinition> {
  const result = validateApp(app, { fieldTypes: registry.toKnownFieldTypes() });
  if (!result.ok) return result;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const errors: MetadataError[] = [];
  result.value.entities.forEach((entity, i) => {
    for (const [name, field] of Object.entries(entity.properties)) {
      const pointer = `/entities/${i}/properties/${pointerPart(name)}`;
      const where = `field "${name}" of ${entity['x-name']}`;
      const type = registry.get(field['x-type']);
      errors.push(...checkField(type, field, pointer, where, ajv));
      // Checks only the type can make (a formula's field references); types without the hook add none.
      for (const problem of type.checkField?.(field, entity) ?? []) {
        errors.push({ pointer, code: 'invalid-field', message: `The ${where}: ${problem}`, hint: `Fix the ${type.name} settings of the field.` });
      }
    }
  });
  // Cross-field rules: each expression parses and reads only stored fields of its entity.
  result.value.entities.forEach((entity, i) => {
    for (const problem of checkEntityRules(entity)) {
      errors.push({ pointer: `/entities/${i}/x-rules/${problem.rule}/expr`, code: 'rule-invalid', message: problem.message, hint: problem.hint });
    }
  });
  errors.push(...checkBulkCreateFields(result.value, registry));
  // Views and dashboards (issues 7, 8): their queries through the API's own parsers.
  errors.push(...checkAppQueries(result.value, registry));
  return errors.length === 0 ? result : { ok: false, errors };
}

function checkField(type: FieldTypeDefinition, field: FieldDefinition, pointer: string, where: string, ajv: Ajv2020): MetadataError[] {
  const errors: MetadataError[] = [];
  if (type.keywords) {
    const accepted = new Set<string>(type.keywords);
    for (const key of Object.keys(field)) {
      if (COMMON_KEYWORDS.has(key) || accepted.has(key)) continue;
      errors.push({
        pointer: `${pointer}/${pointerPart(key)}`,
        code: 'unknown-property',
        message: `The ${where} has "${key}", which a ${type.name} field does not use.`,
        hint: type.keywords.length ? `Remove "${key}"; a ${type.name} field accepts: ${type.keywords.join(', ')}.` : `Remove "${key}".`,
      });
    }
  }
  if (field.default !== undefined) {
    const schema = fieldToJsonSchema(type, { ...field, default: undefined }, { nullable: false });
    if (!ajv.validate(schema, field.default)) {
      errors.push({
        pointer: `${pointer}/default`,
        code: 'invalid-value',
        message: `The default of the ${where} is not a valid ${type.name} value: ${ajv.errorsText(ajv.errors, { dataVar: 'default' })}.`,
        hint: 'Change the default so the field would accept it, or remove it.',
      });
    }
  }
  return errors;
}

/** A "create one for each" action may ask only for fields users type (not an autonumber, a formula, a rollup). */
function checkBulkCreateFields(app: AppDefinition, registry: FieldTypeRegistry): MetadataError[] {
  const errors: MetadataError[] = [];
  app.entities.forEach((entity, i) => {
    for (const [name, field] of Object.entries(entity.properties)) {
      (field['x-relation']?.bulkCreate?.fields ?? []).forEach((asked, j) => {
        const target = entity.properties[asked];
        if (!target || !fieldIsSystemGiven(registry.get(target['x-type']), target)) return;
        errors.push({
          pointer: `/entities/${i}/properties/${pointerPart(name)}/x-relation/bulkCreate/fields/${j}`,
          code: 'bulk-create-invalid',
          message: `The field "${name}" of ${entity['x-name']} asks for "${asked}", whose value the system gives.`,
          hint: 'Ask only for fields users fill in.',
        });
      });
    }
  });
  return errors;
}
