import { pgErrorToHttpError } from '../db/pg-error-to-http-error';
import { HttpError } from '../errors/http-error';
import type { CompiledEntity } from '../meta/compile-app-state';

/**
 * A unique index's refusal in the words its metadata gives (a conflict check, 报备): the same
 * 409 and fields, never the other record's data or owner. `messages` carries both languages.
 */
function declaredConflict(err: unknown, mapped: HttpError, entity: CompiledEntity): HttpError {
  const constraint = (err as { constraint?: string }).constraint;
  const message = mapped.code === 'conflict' && constraint ? entity.conflictMessages.get(constraint) : undefined;
  if (!message) return mapped;
  const details = (mapped.details ?? []).map((d) => ({ ...(d as object), rule: 'conflict-check', message: message.en, messages: message }));
  return new HttpError(409, 'conflict', message.en, details);
}

/** Runs a statement; a database error the client caused becomes its API error (ADR 0006). */
export async function withDbErrors<T>(entity: CompiledEntity, op: 'write' | 'delete', run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const mapped = pgErrorToHttpError(err, op, entity.fieldOfColumn);
    throw mapped ? declaredConflict(err, mapped, entity) : err;
  }
}
