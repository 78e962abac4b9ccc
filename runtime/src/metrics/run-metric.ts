import { groupColumn, measureColumn } from '@tessera/engine/sql';
import { metricMeasures, type MetricDefinition, type MetricMeasure } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { runCoalesced } from '../db/coalesced-reads';
import { HttpError, type ErrorDetail } from '../errors/http-error';
import type { AppState } from '../meta/compile-app-state';
import { toIso } from '../records/row-to-record';
import { combineSides, type SideValues } from './combine-sides';
import { measureStatement, SPAN_COLUMN, type MeasureStatement } from './measure-statement';
import type { MetricRequest, MetricResult } from './metric-types';

type Row = Record<string, unknown>;

/** The group's value as the aggregate API shows it: a bucket's first day, a user id, an option, a date. */
function groupKey(s: MeasureStatement, row: Row): string | null {
  const value = row[groupColumn(0)];
  if (value === null || value === undefined) return null;
  const group = s.query.groups[0];
  const fromDb = group.bucket ? undefined : s.entity.fieldsByName.get(group.field.column)?.fromDb;
  return String(fromDb ? fromDb(value) : toIso(value));
}

function sideValues(s: MeasureStatement, m: MetricMeasure, rows: Row[]): SideValues {
  const column = m.measure === 'avgDays' ? SPAN_COLUMN : measureColumn(0);
  const grouped = s.query.groups.length > 0;
  return new Map(rows.map((row) => [grouped ? groupKey(s, row) : '', row[column] === null || row[column] === undefined ? null : Number(row[column])]));
}

/** The currency of the amount a currency metric adds up (its value's or numerator's field). */
function currencyOf(state: AppState, metric: MetricDefinition): string | undefined {
  const main = metric.value ?? metric.numerator;
  const field = main?.measure.split(':')[1];
  const entity = state.app.entities.find((e) => e['x-name'] === main?.entity);
  const currency = field ? entity?.properties[field]?.['x-currency'] : undefined;
  return metric.format === 'currency' && typeof currency === 'string' ? currency : undefined;
}

/**
 * A metric for `viewer`: each of its measures through the aggregate path with the viewer's
 * record scope and hidden fields (a rep's win rate counts their deals, a manager's their
 * department's), the owner filter and the time range; then value, or numerator over
 * denominator, per group. A metric that uses a field hidden from the viewer answers 400
 * `metric_not_runnable` naming each such field — never a figure computed from part of it.
 */
export async function runMetric(knex: Knex, state: AppState, viewer: AuthUser, metric: MetricDefinition, request: MetricRequest, timeZone: string): Promise<MetricResult> {
  const measures = metricMeasures(metric);
  const problems: ErrorDetail[] = [];
  if (!request.range && measures.some(({ measure }) => measure.heldAtStart)) problems.push({ field: 'range', rule: 'required', message: 'is needed: this metric counts the records held at the start of a time range' });
  const statements = measures.map(({ side, measure }) => measureStatement(side, measure, { knex, state, viewer, request, timeZone }));
  for (const s of statements) if (Array.isArray(s)) problems.push(...s);
  if (problems.length) {
    const unique = problems.filter((p, i) => problems.findIndex((q) => q.field === p.field && q.message === p.message) === i);
    throw new HttpError(400, 'metric_not_runnable', `This metric cannot be shown to you: ${unique.map((p) => `${p.field} ${p.message}`).join('; ')}`, unique);
  }
  const ready = statements as MeasureStatement[];
  const results = await Promise.all(ready.map((s) => runCoalesced(knex, s.statement)));
  const values = ready.map((s, i) => ({ measure: measures[i].measure, values: sideValues(s, measures[i].measure, results[i]) }));
  const currency = currencyOf(state, metric);
  return {
    name: metric.name,
    format: metric.format,
    ...(currency ? { currency } : {}),
    group: request.group ?? null,
    range: request.range ?? null,
    rows: combineSides(Boolean(request.group), values[0], values[1]),
  };
}
