import { parseAggregateQuery, type AggregateQuery } from '@tessera/engine';
import { aggregateQueryToSql } from '@tessera/engine/sql';
import { measureFields, measureQuery, type MetricMeasure, type MetricSide } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { compiled } from '../db/run-statement';
import type { ErrorDetail } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';
import { scopedTarget } from '../records/record-scope';
import { entityNamed } from '../views/validate-saved-view';
import type { MetricRequest } from './metric-types';
import { applyRangeRule, spanExpression } from './range-rules';

/** The column of `avgDays`' average, beside the aggregate's own `g0…`/`m0`. */
export const SPAN_COLUMN = 'span';

export interface MeasureStatement {
  entity: CompiledEntity;
  query: AggregateQuery;
  statement: Knex.SqlNative;
}

/** `"$me"` anywhere in a filter is the viewer (ADR 0021). */
function bindMe(value: unknown, me: string): unknown {
  if (value === '$me') return me;
  if (Array.isArray(value)) return value.map((v) => bindMe(v, me));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bindMe(v, me)]));
  return value;
}

/** The first field of every path a JSON filter names (`customer.industry` → customer). */
function filterFields(filter: unknown): string[] {
  if (Array.isArray(filter)) return filter.flatMap(filterFields);
  if (typeof filter !== 'object' || filter === null) return [];
  return Object.entries(filter).flatMap(([key, value]) => (key === 'and' || key === 'or' ? filterFields(value) : [key.split('.')[0]]));
}

export interface MeasureContext {
  knex: Knex;
  state: AppState;
  viewer: AuthUser;
  request: MetricRequest;
  timeZone: string;
}

/**
 * One measure of a metric as the viewer's statement: the aggregate API's parser and compiler
 * over the entity as the viewer knows it, their record scope in the WHERE, the owner filter and
 * the range rule added — or the problems that stop it, each naming the part of the metric and
 * the field (a field hidden from the viewer is named as such, not reported as missing).
 * Throws 403 when the viewer may not read the entity at all.
 */
export function measureStatement(side: MetricSide, m: MetricMeasure, ctx: MeasureContext): MeasureStatement | ErrorDetail[] {
  const { knex, state, viewer, request, timeZone } = ctx;
  const entity = entityNamed(state, m.entity);
  if (!entity) return [{ field: `${side}.entity`, rule: 'enum', message: `"${m.entity}" is no longer in the app` }];
  const access = recordAccess(viewer, state, entity, 'read');
  const plural = entity.entity['x-plural'];
  const used = [
    ...measureFields(m).map(({ key, field }) => ({ key: `${side}.${key}`, field })),
    ...filterFields(m.filter).map((field) => ({ key: `${side}.filter`, field })),
    ...(request.group ? [{ key: 'group', field: request.group.split(':')[0] }] : []),
    ...(request.owners ? [{ key: 'owner', field: m.owner ?? 'owner' }] : []),
  ];
  const hidden = used.filter((u) => access.access.hidden.has(u.field));
  if (hidden.length) return hidden.map((u) => ({ field: u.key, rule: 'hidden', message: `uses "${u.field}" of ${plural}, which your role may not see` }));

  const raw = measureQuery({ ...m, filter: undefined }, request.group);
  const parts: unknown[] = [];
  if (m.filter && Object.keys(m.filter).length) parts.push(bindMe(m.filter, viewer.id));
  if (request.owners) parts.push({ [m.owner ?? 'owner']: { in: request.owners } });
  const query: Record<string, string> = { ...raw, ...(parts.length ? { filter: JSON.stringify(parts.length === 1 ? parts[0] : { and: parts }) } : {}) };
  const parsed = parseAggregateQuery(query, access.entity, state.registry, access.entities);
  if (!parsed.ok) return parsed.errors.map((e) => ({ field: e.parameter === 'group' ? 'group' : side, rule: 'invalid', message: `${e.parameter} ${e.message}` }));

  const base = scopedTarget(entity, viewer, state, access);
  let alias = '';
  const target = {
    ...base,
    restrict: (qb: Knex.QueryBuilder, a: string) => {
      base.restrict?.(qb, a);
      alias = a;
      applyRangeRule(qb, a, { knex, state, entity, measure: m, range: request.range, timeZone });
    },
  };
  const qb = aggregateQueryToSql(knex, parsed.value, target, timeZone);
  if (m.measure === 'avgDays') qb.select(knex.raw('avg(?) as ??', [spanExpression(knex, alias, entity, m, timeZone), SPAN_COLUMN]));
  return { entity, query: parsed.value, statement: compiled(qb) };
}
