import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { HttpError, isHttpError, type ErrorDetail } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { admitWrite } from './write-door';
import { idsOutOfScope } from '../permissions/bulk-scope';
import type { RecordAccess } from '../permissions/record-access';
import type { RecordHooks } from '../plugins/record-hooks-types';
import { createRecord } from './create-record';
import { deleteRecord } from './delete-record';
import type { WriteAnswer } from './idempotent-write';
import type { Row, WriteContext } from './record-writes-types';
import { rowToRecord } from './row-to-record';
import { updateRecord } from './update-record';

export const BULK_LIMIT = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Op = 'create' | 'update' | 'delete';
interface BulkItem {
  op: Op;
  index: number;
  id?: string;
  version?: number;
  data?: Record<string, unknown>;
}
export interface BulkResult {
  op: Op;
  index: number;
  status: number;
  id?: string;
  data?: Record<string, unknown>;
  error?: { code: string; message: string; details?: readonly unknown[] };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const invalid = (message: string, details: ErrorDetail[]) => new HttpError(422, 'validation_failed', message, details);
const notApplied = { code: 'not_applied', message: 'Not written: another item of the request failed, so nothing was' };

/** The caller's access for one write action (403 when no role grants it), as single writes get it. */
export type BulkAccess = (op: Op) => RecordAccess;

/**
 * `POST /api/{plural}/bulk` `{ create?, update?: [{ id, version?, ...fields }], delete?: [id | { id, version? }] }`:
 * every item is checked first against what the caller may write (403 for an action no role
 * grants; per item 422 for a field they may not write, owner included), then every update and
 * delete id against their write scope in one query (per item 404, as for a single write), and
 * only then do all run in the caller's transaction in order create → update → delete.
 * All or nothing: on any failure the answer is 422 with one result per item (the failing ones
 * with their error, the others `not_applied`). Plugin hooks run per item as for single writes.
 */
export async function bulkRecords(trx: Knex.Transaction, entity: CompiledEntity, user: AuthUser, body: unknown, hooks: RecordHooks | undefined, access: BulkAccess, state: AppState): Promise<WriteAnswer> {
  const items = parseBulkBody(body);
  const grants = new Map<Op, RecordAccess>();
  for (const item of items) if (!grants.has(item.op)) grants.set(item.op, access(item.op));
  const failure = (item: BulkItem, status: number, error: NonNullable<BulkResult['error']>): BulkResult => ({ op: item.op, index: item.index, status, ...(item.id ? { id: item.id } : {}), error });
  const results: BulkResult[] = [];
  for (const item of items) {
    const error = await admitItem(trx, state, user, entity, grants.get(item.op)!, item);
    results.push(error ? failure(item, 422, error) : { op: item.op, index: item.index, status: 0 });
  }
  if (results.some((r) => r.error)) throw bulkFailed(results);

  for (const op of ['update', 'delete'] as const) {
    const ra = grants.get(op);
    if (!ra) continue;
    const foreign = await idsOutOfScope(trx, entity, ra, items.filter((i) => i.op === op).map((i) => i.id!));
    items.forEach((item, i) => {
      if (item.op === op && foreign.has(item.id!)) results[i] = failure(item, 404, { code: 'not_found', message: `No ${entity.entity['x-name']} with id "${item.id}"` });
    });
  }
  if (results.some((r) => r.error)) throw bulkFailed(results);

  const ctx: WriteContext = { trx, entity, user, ...(hooks ? { hooks } : {}), ...(state ? { state } : {}) };
  for (const [i, item] of items.entries()) {
    try {
      const row: Row | undefined =
        item.op === 'create' ? await createRecord(ctx, item.data!)
        : item.op === 'update' ? await updateRecord(ctx, item.id!, item.data!, item.version)
        : (await deleteRecord(ctx, item.id!, item.version), undefined);
      const data = row ? grants.get(item.op)!.strip(rowToRecord(row, entity)) : undefined;
      results[i] = { op: item.op, index: item.index, status: item.op === 'create' ? 201 : item.op === 'update' ? 200 : 204, id: (row?.id as string) ?? item.id, ...(data ? { data } : {}) };
    } catch (err) {
      if (!isHttpError(err)) throw err;
      // The transaction is aborted now: the remaining items cannot run, and nothing is kept.
      results[i] = failure(item, err.status, { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) });
      throw bulkFailed(results);
    }
  }
  return { status: 200, body: { data: results } };
}

function bulkFailed(results: BulkResult[]): HttpError {
  const all = results.map((r) => (r.error ? r : { op: r.op, index: r.index, status: 424, ...(r.id ? { id: r.id } : {}), error: notApplied }));
  const failed = all.filter((r) => r.error !== notApplied);
  return new HttpError(422, 'bulk_failed', `${failed.length} of ${all.length} item(s) failed; nothing was written: ${failed.slice(0, 5).map((r) => `${r.op}[${r.index}] ${r.error!.message}`).join('; ')}`, all);
}

/** The item through the write door (hidden = unknown, owner and read-only fields refused, readable relations). */
async function admitItem(trx: Knex.Transaction, state: AppState, user: AuthUser, entity: CompiledEntity, ra: RecordAccess, item: BulkItem): Promise<BulkResult['error'] | undefined> {
  if (item.op === 'delete') return undefined;
  try {
    item.data = (await admitWrite(trx, state, user, entity, item.op, item.data, ra, item.id)).data;
    return undefined;
  } catch (err) {
    if (!isHttpError(err)) throw err;
    return { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
  }
}

/** The request's shape (not its records' fields, which the entity validator checks per item). */
function parseBulkBody(body: unknown): BulkItem[] {
  if (!isObject(body)) throw invalid('The body must be an object with create, update and/or delete arrays', [{ field: '', rule: 'type', message: 'must be an object' }]);
  const problems: ErrorDetail[] = [];
  for (const name of Object.keys(body)) {
    if (!['create', 'update', 'delete'].includes(name)) problems.push({ field: name, rule: 'unknown-field', message: 'is not create, update or delete' });
  }
  const lists: Record<Op, unknown[]> = { create: [], update: [], delete: [] };
  for (const op of ['create', 'update', 'delete'] as const) {
    if (body[op] === undefined) continue;
    if (!Array.isArray(body[op])) problems.push({ field: op, rule: 'type', message: 'must be an array' });
    else lists[op] = body[op] as unknown[];
  }
  if (problems.length) throw invalid(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  const total = lists.create.length + lists.update.length + lists.delete.length;
  if (total > BULK_LIMIT) throw new HttpError(413, 'too_many_items', `A bulk request takes at most ${BULK_LIMIT} items (got ${total}); split it`);
  if (total === 0) throw invalid('The bulk request has no items', [{ field: '', rule: 'minItems', message: 'create, update or delete must have at least one item' }]);

  const items: BulkItem[] = lists.create.map((data, index) => ({ op: 'create' as const, index, data: data as Record<string, unknown> }));
  const target = (op: 'update' | 'delete', raw: unknown, index: number) => {
    const { id, version, ...rest } = isObject(raw) ? raw : op === 'delete' ? { id: raw } : { id: undefined };
    if (typeof id !== 'string' || !UUID.test(id)) problems.push({ field: `${op}[${index}].id`, rule: 'format', message: 'must be the UUID of a record' });
    if (version !== undefined && !(Number.isInteger(version) && (version as number) > 0)) problems.push({ field: `${op}[${index}].version`, rule: 'type', message: 'must be a positive whole number' });
    if (op === 'delete' && Object.keys(rest).length > 0) problems.push({ field: `delete[${index}]`, rule: 'unknown-field', message: `takes only id and version, not ${Object.keys(rest).join(', ')}` });
    if (op === 'update' && !isObject(raw)) problems.push({ field: `update[${index}]`, rule: 'type', message: 'must be an object with id and the fields to change' });
    return { op, index, id: typeof id === 'string' ? id.toLowerCase() : undefined, ...(version !== undefined ? { version: version as number } : {}), ...(op === 'update' ? { data: rest } : {}) };
  };
  items.push(...lists.update.map((raw, i) => target('update', raw, i)), ...lists.delete.map((raw, i) => target('delete', raw, i)));
  if (problems.length) throw invalid(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  return items;
}
