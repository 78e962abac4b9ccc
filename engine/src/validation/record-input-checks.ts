import type { EntityDefinition } from '@tessera/metadata';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth';
import { findTextProblem } from './text-problem';
import type { FieldError } from './validation-types';

const labelOf = (entity: EntityDefinition, name: string) => (Object.hasOwn(entity.properties, name) ? entity.properties[name]['x-label'].en : name);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks every entity gets whatever its field types say, field by field: no value nested
 * deeper than MAX_JSON_DEPTH, no NUL or lone surrogate in any text inside a value.
 * `tooDeep`: some value must not reach a recursive validator at all.
 */
export function recordInputErrors(entity: EntityDefinition, data: unknown): { errors: FieldError[]; tooDeep: boolean } {
  const errors: FieldError[] = [];
  let tooDeep = false;
  if (!isObject(data)) return { errors, tooDeep };
  for (const [name, value] of Object.entries(data)) {
    const label = labelOf(entity, name);
    if (jsonDepthExceeds(value, MAX_JSON_DEPTH)) {
      tooDeep = true;
      errors.push({ field: name, rule: 'depth', message: `${label} is nested too deeply (more than ${MAX_JSON_DEPTH} levels)`, params: { limit: MAX_JSON_DEPTH } });
      continue;
    }
    const problem = findTextProblem(value);
    if (problem === 'nul') errors.push({ field: name, rule: 'control-character', message: `${label} must not contain control characters` });
    if (problem === 'surrogate') errors.push({ field: name, rule: 'unicode', message: `${label} must be valid Unicode text` });
  }
  return { errors, tooDeep };
}

/** Empty for a required field: null, or text with nothing but whitespace. */
const isEmpty = (value: unknown) => value === null || (typeof value === 'string' && value.trim() === '');

/**
 * A required field must be present and non-empty. JSON Schema's `required` only checks the
 * key, so `""`, `"   "` and `null` (which an update's schema accepts for every field) are
 * caught here, as the same `required` rule a missing field gets on create. A missing field is
 * ajv's on create (after defaults) and allowed on update (a PATCH leaves it as it is).
 */
export function emptyRequiredErrors(entity: EntityDefinition, data: unknown): FieldError[] {
  if (!isObject(data)) return [];
  const errors: FieldError[] = [];
  for (const name of entity.required ?? []) {
    if (!Object.hasOwn(data, name) || !isEmpty(data[name])) continue;
    errors.push({ field: name, rule: 'required', message: `${labelOf(entity, name)} is required` });
  }
  return errors;
}
