import { notFound, type HttpError } from '../errors/http-error';
import { preconditionFailed } from './record-etag';
import { recordScope } from './record-scope';
import type { WriteContext } from './record-writes-types';

/**
 * Why a conditional write touched no row: 412 when the (visible) record exists but has
 * moved past `expected`, else 404.
 */
export async function missingOrStale(ctx: WriteContext, id: string, expected: number | undefined): Promise<HttpError> {
  const { trx, entity } = ctx;
  const name = entity.entity['x-name'];
  if (expected !== undefined) {
    const found = await trx.withSchema(entity.schema).table(entity.table).where({ id }).modify(recordScope(entity)).first('version');
    if (found) return preconditionFailed(`${name} "${id}" has changed since version ${expected}; read it again`);
  }
  return notFound(`No ${name} with id "${id}"`);
}
