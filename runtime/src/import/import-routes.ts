import type { Knex } from 'knex';
import { HttpError } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { createImport } from './create-import';
import { findImport, importSummary } from './import-store';
import type { ImportLocale, ImportMapping } from './import-types';
import { previewImport, proposedMapping } from './preview-import';
import { receiveImportUpload } from './receive-import-upload';
import { rejectedFile } from './rejected-file';
import { revertImport } from './revert-import';
import { resumeIfStalled } from './run-import';
import { startImport } from './start-import';

/** The permission an import needs (`update` mode needs update too, checked on start). */
const IMPORT_ACTION = 'import';

/** `?locale=zh|en`, else the browser's Accept-Language: the language of cell errors and the result file. */
function localeOf(ctx: AppContext): ImportLocale {
  const asked = ctx.query.locale;
  if (asked === 'zh' || asked === 'en') return asked;
  return /^zh\b/i.test(ctx.get('Accept-Language')) ? 'zh' : 'en';
}

const name = (entity: CompiledEntity) => entity.entity['x-name'];

/**
 * Import for every entity (issue 20): upload a CSV or XLSX → preview with a proposed mapping and
 * per-cell errors → start with a mapping and a duplicate mode → progress → the rejected rows as
 * CSV → revert. Each import belongs to its uploader (others get 404, admins see all). Rows are
 * written through the API's write door by a background runner (run-import).
 */
export function importRoutes(knex: Knex, getState: () => AppState): RouteDeclaration[] {
  const jobDeps = (ctx: AppContext) => ({ knex, getState, ...(ctx.state.hooks ? { hooks: ctx.state.hooks } : {}) });
  const load = (ctx: AppContext, state: AppState, entity: CompiledEntity, id: string, withContent = false) => findImport(knex, state.app.name, name(entity), id, ctx.state.user!, withContent);
  return defineRoutes([
    {
      method: 'POST', path: '/api/:plural/imports', action: IMPORT_ACTION, entity: true, body: 'raw', summary: 'Upload a CSV or XLSX file to import (multipart, part "file", at most 10 MB)',
      async handler(ctx, { state, entity, access }) {
        const { name: fileName, bytes } = await receiveImportUpload(ctx);
        const row = await createImport(knex, state, ctx.state.user!, entity, fileName, bytes);
        const { mapping, source } = await proposedMapping(knex, state, ctx.state.user!, access, row);
        ctx.status = 201;
        ctx.body = { data: { ...importSummary(row, entity.entity['x-plural']), columns: row.columns, mapping, mappingSource: source } };
      },
    },
    {
      method: 'GET', path: '/api/:plural/imports', action: IMPORT_ACTION, entity: true, summary: 'Your recent imports of the entity',
      async handler(ctx, { state, entity }) {
        const query = knex('tessera.imports').where({ app: state.app.name, entity: name(entity), created_by: ctx.state.user!.id }).orderBy('created_at', 'desc').limit(50);
        const rows = await query.select(knex.raw('tessera.imports.*, null as content'));
        ctx.body = { data: rows.map((r) => importSummary(r, entity.entity['x-plural'])) };
      },
    },
    {
      method: 'GET', path: '/api/:plural/imports/:importId', action: IMPORT_ACTION, entity: true, summary: "An import's status and progress (rows done of total)",
      async handler(ctx, { state, entity, params }) {
        const row = await load(ctx, state, entity, params.importId);
        // Its runner died with its process: this one continues from the last committed batch.
        await resumeIfStalled(jobDeps(ctx), row);
        ctx.body = { data: importSummary(row, entity.entity['x-plural']) };
      },
    },
    {
      method: 'GET', path: '/api/:plural/imports/:importId/preview', action: IMPORT_ACTION, entity: true, summary: 'Columns, proposed mapping and the first 20 rows parsed, with per-cell errors (?mapping=<json> to try another)',
      async handler(ctx, { state, entity, access, params }) {
        const row = await load(ctx, state, entity, params.importId, true);
        let mapping: ImportMapping;
        let source: string;
        if (typeof ctx.query.mapping === 'string') {
          try {
            mapping = JSON.parse(ctx.query.mapping);
          } catch {
            throw new HttpError(400, 'invalid_query', 'Invalid query: "mapping" must be JSON', [{ parameter: 'mapping', message: 'must be a JSON object of column → field' }]);
          }
          source = 'given';
        } else if (row.mapping) {
          [mapping, source] = [row.mapping, 'started'];
        } else {
          ({ mapping, source } = await proposedMapping(knex, state, ctx.state.user!, access, row));
        }
        const preview = await previewImport(knex, state, ctx.state.user!, entity, access, row, mapping, localeOf(ctx));
        ctx.body = { data: { ...importSummary(row, entity.entity['x-plural']), mappingSource: source, ...preview } };
      },
    },
    {
      method: 'POST', path: '/api/:plural/imports/:importId/start', action: IMPORT_ACTION, entity: true, summary: 'Start the import: { mapping: { column: field | null }, mode: skip | update | create }',
      async handler(ctx, { state, entity, access, params }) {
        const row = await load(ctx, state, entity, params.importId);
        const body = (ctx.request.body ?? {}) as { mapping?: unknown; mode?: unknown };
        await startImport(jobDeps(ctx), state, ctx.state.user!, entity, access, row, { mapping: body.mapping, mode: body.mode }, localeOf(ctx));
        ctx.status = 202;
        ctx.body = { data: importSummary(await load(ctx, state, entity, params.importId), entity.entity['x-plural']) };
      },
    },
    {
      method: 'GET', path: '/api/:plural/imports/:importId/rejected.csv', action: IMPORT_ACTION, entity: true, summary: 'The rows the import did not write, with the reasons (CSV)',
      async handler(ctx, { state, entity, params }) {
        const row = await load(ctx, state, entity, params.importId);
        ctx.set('Content-Type', 'text/csv; charset=utf-8');
        ctx.set('Content-Disposition', `attachment; filename="${entity.entity['x-plural']}-import-rejected.csv"`);
        ctx.set('Cache-Control', 'no-store');
        ctx.body = await rejectedFile(knex, row, localeOf(ctx));
      },
    },
    {
      method: 'POST', path: '/api/:plural/imports/:importId/revert', action: IMPORT_ACTION, entity: true, summary: 'Undo the import: delete what it created, restore what it updated (409 if changed since)',
      async handler(ctx, { state, entity, params }) {
        const row = await load(ctx, state, entity, params.importId);
        const result = await revertImport(knex, entity, row, ctx.state.user!, ctx.state.requestId, ctx.state.hooks);
        ctx.body = { data: { ...importSummary(await load(ctx, state, entity, params.importId), entity.entity['x-plural']), ...result } };
      },
    },
  ]);
}
