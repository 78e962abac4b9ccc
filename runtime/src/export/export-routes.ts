import { parseListQuery } from '@tessera/engine';
import { listQueryToSql } from '@tessera/engine/sql';
import type { Knex } from 'knex';
import { writeAudit } from '../audit/write-audit';
import { HttpError } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import type { RecordAccess } from '../permissions/record-access';
import { invalidQuery } from '../records/invalid-query';
import { scopedTarget } from '../records/record-scope';
import { rowToRecord } from '../records/row-to-record';
import { exportCell, exportColumns, type ExportLocale } from './export-cells';
import { EXPORT_CONTENT_TYPES, type ExportFormat } from './write-export';
import { streamExport } from './stream-export';

/**
 * `GET /api/{plural}/export?format=csv|xlsx&locale=en|zh&<the list's filter, q, sort, fields>`:
 * the current list view as a file, streamed with no row cap (stream-export). It runs the
 * list's own query with the user's permissions (scope in the WHERE, hidden fields neither
 * selectable nor filterable) and leaves an audit entry with the row count, because an export
 * is data leaving the system.
 */
export function exportRoutes(knex: Knex): RouteDeclaration[] {
  return defineRoutes([{ method: 'GET', path: '/api/:plural/export', action: 'export', entity: true, summary: 'The list as a CSV or XLSX file', handler: (ctx, { state, entity, access: ra }) => exportList(ctx, knex, state, entity, ra) }]);
}

async function exportList(ctx: AppContext, knex: Knex, state: AppState, entity: CompiledEntity, ra: RecordAccess): Promise<void> {
  // Paging belongs to the screen, not to the file: dropped, like the export's own options.
  const { format = 'csv', locale = 'en', limit: _limit, offset: _offset, cursor: _cursor, count: _count, expand: _expand, ...params } = ctx.query;
  if (format !== 'csv' && format !== 'xlsx') throw new HttpError(400, 'invalid_query', 'Invalid query: "format" must be csv or xlsx', [{ parameter: 'format', message: 'must be csv or xlsx' }]);
  const lang: ExportLocale = locale === 'zh' ? 'zh' : 'en';
  const parsed = parseListQuery(params, ra.entity, state.registry, ra.entities);
  if (!parsed.ok) throw invalidQuery(parsed.errors);
  const query = { ...parsed.value, limit: 0, offset: 0, count: false, expand: [] };
  if (ra.columns && !query.columns) query.columns = ra.columns;
  const target = scopedTarget(entity, ctx.state.user!, state, ra);
  const columns = exportColumns(ra.entity, query.fields, lang);
  const name = entity.entity['x-plural'];
  const user = ctx.state.user!;
  const requestId = ctx.state.requestId ?? null;
  ctx.set('Content-Type', EXPORT_CONTENT_TYPES[format as ExportFormat]);
  ctx.set('Content-Disposition', `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.${format}"`);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = streamExport({
    knex,
    query: listQueryToSql(knex, query, target).clear('limit').clear('offset'),
    format: format as ExportFormat,
    sheetName: name,
    headers: columns.map((c) => c.header),
    toCells: (row) => {
      const record = ra.strip(rowToRecord(row, entity));
      return columns.map((c) => exportCell(c.field, record[c.name], lang));
    },
    done: (rows, error) =>
      writeAudit(knex, { actorId: user.id, requestId, action: 'export', entity: entity.entity['x-name'], meta: { format, rows, complete: !error, query: ctx.querystring.slice(0, 2000) } }),
  });
}
