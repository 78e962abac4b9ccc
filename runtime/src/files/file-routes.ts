import type { Knex } from 'knex';
import { HttpError, notFound } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';
import { recordScope } from '../records/record-scope';
import { fileStorageFor } from './file-storage';
import { uploadFile } from './upload-file';
import { APPROVAL_FILES } from '../approvals/approval-files';
import { mayReadApproval } from '../approvals/approval-visibility';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `POST /api/files?entity=&field=` or `?purpose=approval` (multipart) and `GET /api/files/:id`. Mounted before the
 * JSON body parser, which would refuse a multipart body (and its 1 MB limit is not a file's).
 */
export function fileRoutes(knex: Knex): RouteDeclaration[] {
  return defineRoutes([
    {
      method: 'POST', path: '/api/files', action: 'signed-in', body: 'raw', summary: "Upload a file for a record's file field (?entity=&field=) or an approval (?purpose=approval)",
      async handler(ctx, { state }) {
        if (ctx.query.purpose !== undefined) {
          // An approval attachment: any signed-in writer may upload; attaching it is what the approval checks.
          if (ctx.query.purpose !== 'approval') throw new HttpError(400, 'invalid_query', 'Invalid query: "purpose" must be "approval" (or absent, with entity and field)', [{ parameter: 'purpose', message: 'must be "approval"' }]);
          ctx.status = 201;
          ctx.body = { data: await uploadFile(ctx, knex, state.app.name, APPROVAL_FILES.entity, APPROVAL_FILES.field, APPROVAL_FILES.spec) };
          return;
        }
        const { entity, field, spec } = fileField(state, ctx.query.entity, ctx.query.field);
        mayWrite(ctx, state, entity);
        ctx.status = 201;
        ctx.body = { data: await uploadFile(ctx, knex, state.app.name, entity, field, spec) };
      },
    },
    { method: 'GET', path: '/api/files/:id', action: 'signed-in', summary: 'Download a file you may read', handler: (ctx, { state, params }) => downloadFile(ctx, knex, state, params.id) },
  ]);
}

function fileField(state: AppState, entityName: unknown, fieldName: unknown) {
  const problem = (parameter: string, message: string) => new HttpError(400, 'invalid_query', `Invalid query: "${parameter}" ${message}`, [{ parameter, message }]);
  const entity = [...state.byPlural.values()].find((e) => e.entity['x-name'] === entityName);
  if (!entity) throw problem('entity', typeof entityName === 'string' ? `unknown entity "${entityName}"` : 'is required');
  const def = typeof fieldName === 'string' ? entity.entity.properties[fieldName] : undefined;
  if (!def || def['x-type'] !== 'file' || !def['x-file']) throw problem('field', typeof fieldName === 'string' ? `"${fieldName}" is not a file field of ${entityName}` : 'is required');
  return { entity, field: fieldName as string, spec: def['x-file'] };
}

/** Uploading is part of writing a record: the user must be able to create or update the entity. */
function mayWrite(ctx: AppContext, state: AppState, entity: CompiledEntity): void {
  try {
    recordAccess(ctx.state.user!, state, entity, 'create');
  } catch {
    recordAccess(ctx.state.user!, state, entity, 'update');
  }
}

interface FileRow { id: string; app: string; entity: string; field: string; name: string; mime: string; size: string | number; storage_key: string; created_by: string; record_id: string | null }

/**
 * Streams a file to whoever may read the record it is attached to (through the same scoped
 * query as a record read, and only when its field is not hidden from them), or, while it is
 * unattached, to its uploader; an approval attachment to whoever may see the approval. Anyone
 * else gets the 404 of a missing file.
 */
async function downloadFile(ctx: AppContext, knex: Knex, state: AppState, rawId: string): Promise<void> {
  const missing = notFound(`No file with id "${rawId}"`);
  if (!UUID.test(rawId)) throw missing;
  const file: FileRow | undefined = await knex.withSchema('tessera').table('files').where({ id: rawId.toLowerCase(), app: state.app.name }).first();
  if (!file) throw missing;
  if (file.record_id === null) {
    if (file.created_by !== ctx.state.user!.id) throw missing;
  } else if (file.entity === APPROVAL_FILES.entity) {
    const approval = await knex('tessera.approval_instances').where({ id: file.record_id }).first('submitter', 'state');
    if (!approval || !mayReadApproval(approval, ctx.state.user!)) throw missing;
  } else if (!(await canReadRecord(ctx, knex, state, file))) {
    throw missing;
  }
  ctx.set('X-Content-Type-Options', 'nosniff');
  // Always an attachment: an uploaded HTML or SVG must never render in the app's origin.
  ctx.attachment(file.name);
  ctx.type = file.mime;
  ctx.length = Number(file.size);
  ctx.body = await fileStorageFor(knex).read(file.storage_key);
}

async function canReadRecord(ctx: AppContext, knex: Knex, state: AppState, file: FileRow): Promise<boolean> {
  const entity = [...state.byPlural.values()].find((e) => e.entity['x-name'] === file.entity);
  const field = entity?.fieldsByName.get(file.field);
  if (!entity || !field) return false;
  let ra;
  try {
    ra = recordAccess(ctx.state.user!, state, entity, 'read');
  } catch {
    return false;
  }
  if (ra.access.hidden.has(file.field)) return false;
  const row = await knex.withSchema(entity.schema).table(entity.table).where({ id: file.record_id }).modify(recordScope(entity)).modify((qb) => ra.restrict(qb, entity.table)).first('id');
  return row !== undefined;
}
