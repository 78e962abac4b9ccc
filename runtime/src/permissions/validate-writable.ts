import { validationFailed } from '../errors/http-error';
import type { RecordAccess } from './record-access';

/**
 * A body checked against what this user may write: the restricted entity's validator (a hidden
 * field is "Unknown field", exactly as a field that does not exist; system fields such as
 * owner, created_by and version are `read-only`), plus `read-only` for fields the role may only
 * read. Every problem at once, before any SQL.
 */
export function validateWritable(ra: RecordAccess, body: unknown, mode: 'create' | 'update'): Record<string, unknown> {
  const result = ra.permissions.validator(ra.access.entity)(body, mode);
  const errors = result.ok ? [] : result.errors.map(({ field, rule, message }) => ({ field, rule, message }));
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const field of Object.keys(body)) {
      if (ra.access.readOnly.has(field)) errors.push({ field, rule: 'read-only', message: `"${field}" is read-only for you` });
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  return (result as { value: Record<string, unknown> }).value;
}
