import type { WorkflowTransitionForm } from '@tessera/metadata';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonSchema } from '../field-types/field-type-types';
import type { FieldError } from '../validation/validation-types';

const ajv = new Ajv2020({ allErrors: true, useDefaults: true, strict: false });
addFormats(ajv);
// A form object is immutable once published: compile it once.
const cache = new WeakMap<WorkflowTransitionForm, ValidateFunction>();

/** The JSON Schema a transition form describes: an object with only the named properties. */
export function transitionFormSchema(form: WorkflowTransitionForm): JsonSchema {
  return { type: 'object', properties: form.properties, ...(form.required?.length ? { required: form.required } : {}), additionalProperties: false };
}

/** Compiles a form; the error message when the author's schema is not valid JSON Schema. */
export function compileTransitionForm(form: WorkflowTransitionForm): { ok: true; validate: ValidateFunction } | { ok: false; message: string } {
  const cached = cache.get(form);
  if (cached) return { ok: true, validate: cached };
  try {
    const validate = ajv.compile(transitionFormSchema(form));
    cache.set(form, validate);
    return { ok: true, validate };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

/** Checks form data; every problem at once, each naming its field. */
export function validateTransitionData(form: WorkflowTransitionForm | undefined, data: unknown): { ok: true; value: Record<string, unknown> } | { ok: false; errors: FieldError[] } {
  const value = structuredClone(data ?? {});
  if (!form) {
    const isEmpty = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
    return isEmpty ? { ok: true, value: {} } : { ok: false, errors: [{ field: '', rule: 'unknown-field', message: 'this transition takes no data' }] };
  }
  const compiled = compileTransitionForm(form);
  if (!compiled.ok) throw new Error(`Transition form does not compile: ${compiled.message}`); // publish rejects these
  if (compiled.validate(value)) return { ok: true, value: value as Record<string, unknown> };
  const errors = (compiled.validate.errors ?? []).map((e): FieldError => {
    const p = e.params as Record<string, unknown>;
    if (e.keyword === 'required') return { field: String(p.missingProperty), rule: 'required', message: 'is required' };
    if (e.keyword === 'additionalProperties') return { field: String(p.additionalProperty), rule: 'unknown-field', message: 'is not a field of this form' };
    const field = e.instancePath.split('/')[1] ?? '';
    return { field, rule: e.keyword, message: e.message ?? 'is not valid' };
  });
  return { ok: false, errors };
}
