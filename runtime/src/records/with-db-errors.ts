import { pgErrorToHttpError } from '../db/pg-error-to-http-error';
import type { CompiledEntity } from '../meta/compile-app-state';

/** Runs a statement; a database error the client caused becomes its API error (ADR 0006). */
export async function withDbErrors<T>(entity: CompiledEntity, op: 'write' | 'delete', run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw pgErrorToHttpError(err, op, entity.fieldOfColumn) ?? err;
  }
}
