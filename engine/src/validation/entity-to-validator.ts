import type { EntityDefinition } from '@tessera/metadata';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import type { JsonSchema } from '../field-types/field-type-types';
import { entityToJsonSchema } from '../schema/entity-to-json-schema';
import { ajvErrorToFieldError } from './ajv-error-to-field-error';
import { currencyPairs, currencyRuleError, currencyRuleSchemas, type CurrencyPair } from './currency-rules';
import { emptyRequiredErrors, recordInputErrors } from './record-input-checks';
import type { EntityValidator, FieldError, RecordValidationMode } from './validation-types';
import { addValueKeywords } from './value-keywords';

// Compiling is the expensive part; an entity object is immutable once published, so it is
// compiled once per (entity, registry). WeakMaps let old metadata versions be collected.
const cache = new WeakMap<EntityDefinition, WeakMap<FieldTypeRegistry, EntityValidator>>();

/** A validator for client bodies of `entity`: ajv with every error at once, translated. */
export function entityToValidator(entity: EntityDefinition, registry: FieldTypeRegistry): EntityValidator {
  const byRegistry = cache.get(entity) ?? new WeakMap<FieldTypeRegistry, EntityValidator>();
  cache.set(entity, byRegistry);
  const cached = byRegistry.get(registry);
  if (cached) return cached;

  // Built-in numerics check decimals on their text (`x-scale`); the precision option is for
  // plugin types that still say `multipleOf`.
  const ajv = new Ajv2020({ allErrors: true, useDefaults: true, multipleOfPrecision: 9 });
  addFormats(ajv);
  addValueKeywords(ajv);
  // Rules between fields (an amount needs its currency code) ride along as `allOf` branches.
  const pairs = currencyPairs(entity);
  const withRules = (schema: JsonSchema, mode: RecordValidationMode): JsonSchema => (pairs.length > 0 ? { ...schema, allOf: currencyRuleSchemas(pairs, mode, entity) } : schema);
  const createSchema = entityToJsonSchema(entity, registry, 'create');
  // Values the system gives (autonumbers, formulas): a body that names one is refused, not silently overwritten.
  const systemGiven = Object.entries(createSchema.properties as Record<string, JsonSchema>).filter(([, p]) => p.readOnly === true).map(([name]) => name);
  const compiled: Record<RecordValidationMode, ValidateFunction> = {
    create: compile(ajv, withRules(createSchema, 'create')),
    update: compile(ajv, withRules(entityToJsonSchema(entity, registry, 'update'), 'update')),
  };
  const validate: EntityValidator = (data, mode) => {
    // Too-deep values never reach structuredClone or ajv, which recurse and would overflow.
    const input = recordInputErrors(entity, data);
    if (input.tooDeep) return { ok: false, errors: input.errors };
    const empty = emptyRequiredErrors(entity, data);
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
      for (const field of systemGiven) {
        if (Object.hasOwn(data, field)) input.errors.push({ field, rule: 'read-only', message: `${entity.properties[field]['x-label'].en ?? field} is set by the system and cannot be written` });
      }
    }
    // ajv writes defaults into the data it checks; the caller's object stays untouched.
    const value = structuredClone(data);
    const check = compiled[mode];
    const valid = check(value);
    if (valid && input.errors.length === 0 && empty.length === 0) return { ok: true, value: value as Record<string, unknown> };
    // An empty required field is reported once, as required, not also as a wrong type or format.
    const emptyFields = new Set(empty.map((e) => e.field));
    const schemaErrors = valid ? [] : translate(check, entity, pairs).filter((e) => !emptyFields.has(e.field));
    return { ok: false, errors: [...empty, ...input.errors, ...schemaErrors] };
  };
  byRegistry.set(registry, validate);
  return validate;
}

function compile(ajv: Ajv2020, schema: JsonSchema): ValidateFunction {
  // Field types may annotate their fragments with `x-` keywords (x-currency); ajv's strict
  // mode would reject them as unknown, so they are declared as annotations.
  for (const property of Object.values(schema.properties as Record<string, JsonSchema>)) {
    for (const key of Object.keys(property)) {
      if (key.startsWith('x-') && !ajv.getKeyword(key)) ajv.addKeyword({ keyword: key, schemaType: ['string', 'number', 'boolean', 'object', 'array'] });
    }
  }
  return ajv.compile(schema);
}

function translate(check: ValidateFunction, entity: EntityDefinition, pairs: readonly CurrencyPair[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const raw of check.errors ?? []) {
    const rule = currencyRuleError(raw, pairs, entity);
    const error = rule === undefined ? ajvErrorToFieldError(raw, entity) : rule;
    if (!error) continue;
    const key = `${error.field}\u0000${error.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(error);
  }
  return errors;
}
