import { parseAggregateQuery, QUERY_LIMITS, type AggregateQuery, type QueryError } from '@tessera/engine';
import type { AuthUser } from '../auth/auth-types';
import type { ErrorDetail } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';
import { rangeBounds, todayIn } from './report-range';
import { CHART_KINDS, RANGE_PERIODS, type ReportDefinition } from './report-types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0 && s.length <= 200);

/** A pivot has rows and columns: two groups at most (the API itself allows QUERY_LIMITS.maxGroups). */
export const MAX_REPORT_GROUPS = Math.min(2, QUERY_LIMITS.maxGroups);

/** Which part of a report a parser complaint is about, in the report's own words. */
const REPORT_FIELD: Record<string, string> = { group: 'groups', measures: 'measures', filter: 'filter', q: 'filter', limit: 'groups' };

/** The report's question as the aggregate API's query string (its range becomes part of the filter). */
export function reportQuery(definition: ReportDefinition, timeZone: string, now?: Date): Record<string, string> {
  const parts: Record<string, unknown>[] = [];
  if (definition.filter && Object.keys(definition.filter).length) parts.push(definition.filter);
  if (definition.range) parts.push({ [definition.range.field]: rangeBounds(definition.range.period, todayIn(timeZone, now)) });
  const raw: Record<string, string> = { measures: definition.measures.join(',') };
  if (definition.groups.length) raw.group = definition.groups.join(',');
  if (parts.length) raw.filter = JSON.stringify(parts.length === 1 ? parts[0] : { and: parts });
  return raw;
}

/** Parser errors as report errors: `groups`, `measures`, `filter`, each with the parser's message. */
export const reportErrors = (errors: readonly QueryError[]): ErrorDetail[] =>
  errors.map((e) => ({ field: REPORT_FIELD[e.parameter.split(/[[.]/)[0]] ?? e.parameter, rule: 'invalid', message: e.message }));

/**
 * The aggregate query of `definition` for `user` — the entity as they know it (hidden fields
 * are unknown to them). Throws 403 when they may not read the entity.
 */
export function parseReport(state: AppState, entity: CompiledEntity, user: AuthUser, definition: ReportDefinition, timeZone: string, now?: Date): { ok: true; query: AggregateQuery } | { ok: false; errors: ErrorDetail[] } {
  const access = recordAccess(user, state, entity, 'read');
  const parsed = parseAggregateQuery(reportQuery(definition, timeZone, now), access.entity, state.registry, access.entities);
  return parsed.ok ? { ok: true, query: parsed.value } : { ok: false, errors: reportErrors(parsed.errors) };
}

/** Shape checks of a definition (the parser then checks its fields for the user). */
export function checkDefinition(body: Record<string, unknown>, errors: ErrorDetail[]): ReportDefinition | undefined {
  const before = errors.length;
  const groups = body.groups ?? [];
  const measures = body.measures ?? ['count'];
  if (!isStrings(groups)) errors.push({ field: 'groups', rule: 'type', message: 'must be a list of fields to group by' });
  else if (groups.length > MAX_REPORT_GROUPS) errors.push({ field: 'groups', rule: 'limit', message: `may name at most ${MAX_REPORT_GROUPS} groups (rows and columns)` });
  if (!isStrings(measures) || measures.length === 0) errors.push({ field: 'measures', rule: 'type', message: 'must be a list of at least one measure, such as count or sum of a number' });
  if (body.filter !== undefined && body.filter !== null && !isObject(body.filter)) errors.push({ field: 'filter', rule: 'type', message: 'must be a filter of the list' });
  else if (JSON.stringify(body.filter ?? {}).length > 20_000) errors.push({ field: 'filter', rule: 'size', message: 'is too long (at most 20,000 characters)' });
  const chart = body.chart ?? 'table';
  if (!(CHART_KINDS as readonly unknown[]).includes(chart)) errors.push({ field: 'chart', rule: 'enum', message: `must be one of ${CHART_KINDS.join(', ')}` });
  let range: ReportDefinition['range'];
  if (body.range !== undefined && body.range !== null) {
    const r = body.range;
    if (!isObject(r) || typeof r.field !== 'string' || !(RANGE_PERIODS as readonly unknown[]).includes(r.period)) errors.push({ field: 'range', rule: 'type', message: `must name a date field and a period (${RANGE_PERIODS.join(', ')})` });
    else range = { field: r.field, period: r.period as (typeof RANGE_PERIODS)[number] };
  }
  if (errors.length > before) return undefined;
  return {
    groups: groups as string[],
    measures: measures as string[],
    ...(isObject(body.filter) && Object.keys(body.filter).length ? { filter: body.filter } : {}),
    ...(range ? { range } : {}),
    chart: chart as ReportDefinition['chart'],
  };
}

/** A report's title: 1–100 characters once trimmed. */
export function checkLabel(label: unknown, errors: ErrorDetail[]): string | undefined {
  if (typeof label === 'string' && label.trim().length >= 1 && label.trim().length <= 100) return label.trim();
  errors.push({ field: 'label', rule: label === undefined ? 'required' : 'length', message: 'must be 1 to 100 characters' });
  return undefined;
}

/** A report's key among its owner's: letters, digits, `_` and `-`, up to 60. */
export function checkName(name: unknown, errors: ErrorDetail[]): string | undefined {
  if (typeof name === 'string' && /^[A-Za-z0-9_-]{1,60}$/.test(name)) return name;
  errors.push({ field: 'name', rule: 'pattern', message: 'must be 1 to 60 letters, digits, "_" or "-"' });
  return undefined;
}
