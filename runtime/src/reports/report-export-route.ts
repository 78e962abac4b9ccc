import type { Knex } from 'knex';
import { writeAudit } from '../audit/write-audit';
import { HttpError } from '../errors/http-error';
import { EXPORT_CONTENT_TYPES } from '../export/write-export';
import type { AppContext } from '../http/http-types';
import type { PlainRoute, RouteArgs } from '../http/route-types';
import { entityNamed } from '../views/validate-saved-view';
import { reportFile, type ReportFileFormat } from './report-file';
import { reportForViewer } from './report-for-viewer';
import { visibleReport } from './report-queries';
import { reportWords } from './report-text';

const queryProblem = (parameter: string, message: string) => new HttpError(400, 'invalid_query', `Invalid query: "${parameter}" ${message}`, [{ parameter, message }]);

/** `attachment; filename*=` with the report's title (RFC 5987), an ASCII stand-in for old clients. */
const disposition = (title: string, format: string) => {
  const ascii = title.replace(/[^A-Za-z0-9 _.-]/g, '_').trim() || 'report';
  return `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(`${title}.${format}`)}`;
};

/**
 * `GET /api/_reports/{id}/export?format=csv|xlsx&locale=en|zh`: the report's pivot as a file —
 * the viewer's own numbers (run as them, ADR 0049), labelled in their language. Audited like
 * a list export: numbers leaving the system.
 */
export function reportExportRoute(knex: Knex): PlainRoute {
  return {
    method: 'GET', path: '/api/_reports/:id/export', action: 'signed-in', summary: 'A report\'s table for you as a CSV or XLSX file',
    async handler(ctx: AppContext, { state, params }: RouteArgs) {
      const { format = 'csv', locale = 'en' } = ctx.query;
      if (format !== 'csv' && format !== 'xlsx') throw queryProblem('format', 'must be csv or xlsx');
      if (locale !== 'en' && locale !== 'zh') throw queryProblem('locale', 'must be en or zh');
      const user = ctx.state.user!;
      const row = await visibleReport(knex, user, params.id);
      const entity = entityNamed(state, row.entity);
      if (!entity) throw new HttpError(400, 'report_not_runnable', 'This report is about records the app no longer has', [{ field: 'entity', rule: 'enum', message: 'is no longer in the app' }]);
      const table = await reportForViewer(knex, state, entity, user, row.definition, locale);
      const file = await reportFile(table, format as ReportFileFormat, row.label, reportWords(locale).total);
      await writeAudit(knex, { actorId: user.id, requestId: ctx.state.requestId ?? null, action: 'export', entity: row.entity, meta: { report: row.id, format, rows: table.rows.length } });
      ctx.set('Content-Type', EXPORT_CONTENT_TYPES[format as ReportFileFormat]);
      ctx.set('Content-Disposition', disposition(row.label, format));
      ctx.set('Cache-Control', 'no-store');
      ctx.body = file;
    },
  };
}
