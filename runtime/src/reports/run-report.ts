import { aggregateQueryToSql, groupColumn, measureColumn } from '@tessera/engine/sql';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { config } from '../config';
import { runCoalesced } from '../db/coalesced-reads';
import { compiled, runStatement } from '../db/run-statement';
import { HttpError } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';
import { scopedTarget } from '../records/record-scope';
import { toIso } from '../records/row-to-record';
import type { ReportDefinition } from './report-types';
import { parseReport } from './validate-report';

function apiValue(entity: CompiledEntity, column: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column === 'version') return Number(value);
  const fromDb = entity.fieldsByName.get(column)?.fromDb;
  return fromDb ? fromDb(value) : toIso(value);
}

export interface RunOptions {
  /** The moment a time range is resolved at (a scheduled send: its clock). */
  now?: Date;
  /** `knex` is a transaction: run on it, not through the shared reads of the pool. */
  transaction?: boolean;
}

/**
 * A report's numbers for `viewer`: the aggregate API's statement with the viewer's scope and
 * hidden fields — never the owner's — so a shared report shows each viewer their own records.
 * A report that uses something the viewer may not see answers 400 naming it, not a partial table.
 */
export async function runReport(knex: Knex, state: AppState, entity: CompiledEntity, viewer: AuthUser, definition: ReportDefinition, opts: RunOptions = {}): Promise<Record<string, unknown>[]> {
  const timeZone = config().TESSERA_JOBS_TZ;
  const parsed = parseReport(state, entity, viewer, definition, timeZone, opts.now);
  if (!parsed.ok) {
    throw new HttpError(400, 'report_not_runnable', `This report cannot be shown to you: ${parsed.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, parsed.errors);
  }
  const { query } = parsed;
  const access = recordAccess(viewer, state, entity, 'read');
  const statement = compiled(aggregateQueryToSql(knex, query, scopedTarget(entity, viewer, state, access), timeZone));
  // Inside a transaction, the statement runs on it; a shared run is for the pool only.
  const rows = opts.transaction ? await runStatement(knex, statement) : await runCoalesced(knex, statement);
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    query.groups.forEach((g, i) => (out[g.name] = g.bucket ? row[groupColumn(i)] : apiValue(entity, g.field.column, row[groupColumn(i)])));
    query.measures.forEach((m, i) => {
      const value = row[measureColumn(i)];
      out[m.name] = value === null ? null : m.fn === 'min' || m.fn === 'max' ? apiValue(entity, m.field!.column, value) : Number(value);
    });
    return out;
  });
}
