import type { QueryError } from '@tessera/engine';
import { HttpError } from '../errors/http-error';

/**
 * 400 `invalid_query` for a query string the parser refused. The message names every
 * parameter in quotes (as the pagination errors always did); details carry one entry each.
 */
export function invalidQuery(errors: readonly QueryError[]): HttpError {
  const message = `Invalid query: ${errors.map((e) => `"${e.parameter}" ${e.message}`).join('; ')}`;
  return new HttpError(400, 'invalid_query', message, errors.map(({ parameter, message: m }) => ({ parameter, message: m })));
}
