import type { EntityDefinition } from '@tessera/metadata';
import { SYSTEM_FIELDS } from '@tessera/metadata';
import type { ErrorObject } from 'ajv';
import type { FieldError } from './validation-types';

const MAX_ECHOED_PATTERN = 200;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

const FORMAT_WORDS: Record<string, string> = {
  email: 'a valid email address',
  date: 'a valid date (YYYY-MM-DD)',
  'date-time': 'a valid date and time (ISO 8601, e.g. 2025-01-31T09:00:00Z)',
  uri: 'a valid URL',
  uuid: 'a valid id (UUID)',
};

/** `a, b or c`. */
const orList = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);

const isSystemField = (name: string) => (SYSTEM_FIELDS as readonly string[]).includes(name);

/** The property an ajv error points at: the first segment of its JSON pointer. */
function fieldOf(error: ErrorObject): string {
  const segment = error.instancePath.split('/')[1] ?? '';
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Turns one ajv error into a FieldError phrased for an end user with the field's English
 * label. Returns undefined for errors that only restate another (the null branch of a union).
 */
export function ajvErrorToFieldError(error: ErrorObject, entity: EntityDefinition): FieldError | undefined {
  const params = error.params as Record<string, unknown>;
  const labelOf = (name: string) => entity.properties[name]?.['x-label'].en ?? name;

  if (error.keyword === 'required') {
    const field = String(params.missingProperty);
    return { field, rule: 'required', message: `${labelOf(field)} is required` };
  }
  if (error.keyword === 'additionalProperties') {
    const field = String(params.additionalProperty);
    if (isSystemField(field)) return { field, rule: 'read-only', message: `"${field}" is set by the system and cannot be written` };
    // A field the entity has but the body schema leaves out is computed (a rollup).
    return Object.hasOwn(entity.properties, field)
      ? { field, rule: 'read-only', message: `${labelOf(field)} is computed by the database and cannot be written` }
      : { field, rule: 'unknown-field', message: `Unknown field "${field}" on ${entity['x-name']}` };
  }

  const field = fieldOf(error);
  if (field === '' && error.keyword === 'type') {
    return { field, rule: 'type', message: 'The request body must be a JSON object', params: { type: 'object' } };
  }
  const label = labelOf(field);
  switch (error.keyword) {
    case 'type': {
      const types = [params.type].flat().filter((t) => t !== 'null') as string[];
      if (types.length === 0) return undefined;
      const words = types.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      return { field, rule: 'type', message: `${label} must be ${words}`, params: { type: types.join(',') } };
    }
    case 'maxLength':
      return { field, rule: 'maxLength', message: `${label} must be at most ${params.limit} characters`, params: { limit: params.limit } };
    case 'minLength':
      return { field, rule: 'minLength', message: `${label} must be at least ${params.limit} characters`, params: { limit: params.limit } };
    case 'format': {
      const format = String(params.format);
      return { field, rule: 'format', message: `${label} must be ${FORMAT_WORDS[format] ?? `in ${format} format`}`, params: { format } };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).filter((v) => v !== null);
      return { field, rule: 'enum', message: `${label} must be one of: ${allowed.join(', ')}`, params: { allowedValues: allowed } };
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return { field, rule: error.keyword, message: `${label} must be ${error.keyword === 'minimum' ? 'at least' : 'greater than'} ${params.limit}`, params: { limit: params.limit } };
    case 'maximum':
    case 'exclusiveMaximum':
      return { field, rule: error.keyword, message: `${label} must be ${error.keyword === 'maximum' ? 'at most' : 'less than'} ${params.limit}`, params: { limit: params.limit } };
    case 'pattern':
      // A pattern is echoed only while it helps a reader; an enumerating one (the region codes'
      // is ~12 KB) would bloat every 422 without telling anyone anything.
      return {
        field,
        rule: 'pattern',
        message: `${label} is not in the expected format`,
        ...(String(params.pattern).length <= MAX_ECHOED_PATTERN ? { params: { pattern: params.pattern } } : {}),
      };
    case 'multipleOf': {
      const step = Number(params.multipleOf);
      const decimals = step < 1 ? Math.round(-Math.log10(step)) : 0;
      const message = decimals > 0 ? `${label} allows at most ${decimals} decimal places` : `${label} must be a multiple of ${step}`;
      return { field, rule: 'multipleOf', message, params: { multipleOf: step } };
    }
    case 'x-scale': {
      const { problem, precision, scale } = params as { problem: 'scale' | 'precision'; precision: number; scale: number };
      if (problem === 'scale') {
        const message = scale === 0 ? `${label} must be a whole number` : `${label} allows at most ${scale} decimal place${scale === 1 ? '' : 's'}`;
        return { field, rule: 'scale', message, params: { scale } };
      }
      const digits = precision - scale;
      return { field, rule: 'precision', message: `${label} is too large: at most ${digits} digit${digits === 1 ? '' : 's'} before the decimal point`, params: { precision, scale } };
    }
    case 'x-schemes': {
      const schemes = params.schemes as readonly string[];
      return { field, rule: 'scheme', message: `${label} must be a link starting with ${orList(schemes.map((s) => `${s}:`))}`, params: { schemes } };
    }
    case 'anyOf':
      // The branches have already reported what is wrong.
      return undefined;
    default:
      return { field, rule: error.keyword, message: `${label} ${error.message ?? 'is invalid'}`, params };
  }
}
