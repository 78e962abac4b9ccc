import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { reportTable, type ReportTable } from './report-table';
import type { ReportLocale } from './report-text';
import type { ReportDefinition } from './report-types';
import { fieldLabel, measureLabel, reportValueLabels } from './report-value-labels';
import { runReport, type RunOptions } from './run-report';

/**
 * A report as `viewer` reads it, in their language: their numbers (their scope and hidden
 * fields, ADR 0049), labelled and laid out as the builder's pivot. Throws what `runReport`
 * throws when the report cannot be shown to them.
 */
export async function reportForViewer(db: Knex, state: AppState, entity: CompiledEntity, viewer: AuthUser, definition: ReportDefinition, locale: ReportLocale, opts: RunOptions = {}): Promise<ReportTable> {
  const rows = await runReport(db, state, entity, viewer, definition, opts);
  const label = await reportValueLabels(db, state, entity, viewer, definition.groups, rows, locale);
  const def = entity.entity;
  const measure = definition.measures[0] ?? 'count';
  return reportTable({
    entity: def,
    groups: definition.groups,
    measure,
    rows,
    label,
    headers: { row: definition.groups[0] ? fieldLabel(def, definition.groups[0].split(':')[0], locale) : '', measure: measureLabel(def, measure, locale) },
  });
}
