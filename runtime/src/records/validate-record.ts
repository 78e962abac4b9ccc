import { validationFailed } from '../errors/http-error';
import type { CompiledEntity } from '../meta/compile-app-state';

/** The entity's validator as an exception: 422 naming every field and rule, before any SQL. */
export function validateRecord(entity: CompiledEntity, body: unknown, mode: 'create' | 'update'): Record<string, unknown> {
  const result = entity.validate(body, mode);
  if (!result.ok) throw validationFailed(result.errors.map(({ field, rule, message }) => ({ field, rule, message })));
  return result.value;
}
