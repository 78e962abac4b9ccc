import type { EntityDefinition } from '@tessera/metadata';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import { checkParameters, queryContext, single } from './parse-list-query';
import { parseFilter } from './parse-filter';
import { parseSearch } from './parse-search';
import type { AggregateGroup, AggregateMeasure, AggregateQuery, BucketUnit, MeasureFn, QueryError, QueryResult, RawQuery } from './query-types';
import { QUERY_LIMITS } from './query-types';
import { resolveFieldPath, type QueryContext } from './resolve-field-path';

const AGGREGATE_PARAMETERS = new Set(['filter', 'q', 'group', 'measures', 'limit']);
const BUCKETS: readonly BucketUnit[] = ['day', 'week', 'month', 'quarter', 'year'];
const GROUPABLE = new Set(['string', 'number', 'integer', 'boolean', 'date', 'datetime', 'uuid']);
const NUMERIC = new Set(['number', 'integer']);
const ORDERED = new Set(['number', 'integer', 'date', 'datetime']);
const FUNCTIONS: readonly MeasureFn[] = ['count', 'sum', 'avg', 'min', 'max', 'distinct'];

function ownField(path: string, parameter: string, ctx: QueryContext, errors: QueryError[]) {
  const resolved = resolveFieldPath(path, ctx);
  if (!resolved.ok) errors.push({ parameter, message: resolved.message });
  else if (resolved.ref.hops.length > 0) errors.push({ parameter, message: `cannot use a related field ("${path}")` });
  else return resolved.ref;
  return undefined;
}

/** `group=industry,created_at:month`: fields of the entity, date fields optionally bucketed. */
function parseGroups(raw: string | undefined, ctx: QueryContext, errors: QueryError[]): AggregateGroup[] {
  if (raw === undefined) return [];
  const items = raw.split(',');
  if (items.length > QUERY_LIMITS.maxGroups) errors.push({ parameter: 'group', message: `names more than ${QUERY_LIMITS.maxGroups} groups` });
  const groups: AggregateGroup[] = [];
  for (const name of items.slice(0, QUERY_LIMITS.maxGroups)) {
    const [path, bucket, extra] = name.split(':');
    const field = ownField(path, 'group', ctx, errors);
    if (!field) continue;
    if (extra !== undefined) errors.push({ parameter: 'group', message: `"${name}" has more than one ":"` });
    else if (!GROUPABLE.has(field.kind)) errors.push({ parameter: 'group', message: `cannot group by "${path}"` });
    else if (bucket === undefined) groups.push({ name, field });
    else if (field.kind !== 'date' && field.kind !== 'datetime') errors.push({ parameter: 'group', message: `"${path}" is not a date; only dates have buckets` });
    else {
      const unit = BUCKETS.find((b) => b === bucket);
      if (unit) groups.push({ name, field, bucket: unit });
      else errors.push({ parameter: 'group', message: `unknown bucket "${bucket}"; use ${BUCKETS.join(', ')}` });
    }
  }
  return groups;
}

/** `measures=count,sum:annual_revenue,distinct:customer`: sum/avg of numbers, min/max of numbers and dates, distinct of anything groupable. */
function parseMeasures(raw: string | undefined, ctx: QueryContext, errors: QueryError[]): AggregateMeasure[] {
  const items = (raw ?? 'count').split(',');
  if (items.length > QUERY_LIMITS.maxMeasures) errors.push({ parameter: 'measures', message: `names more than ${QUERY_LIMITS.maxMeasures} measures` });
  const measures: AggregateMeasure[] = [];
  for (const name of items.slice(0, QUERY_LIMITS.maxMeasures)) {
    const [fnName, path, extra] = name.split(':');
    const fn = FUNCTIONS.find((f) => f === fnName);
    if (!fn || extra !== undefined) {
      errors.push({ parameter: 'measures', message: `"${name}" is not a measure; use count or ${FUNCTIONS.slice(1).join('|')}:field` });
      continue;
    }
    if (fn === 'count') {
      if (path !== undefined) errors.push({ parameter: 'measures', message: 'count takes no field' });
      else measures.push({ name, fn });
      continue;
    }
    if (path === undefined) {
      errors.push({ parameter: 'measures', message: `${fn} needs a field, e.g. ${fn}:amount` });
      continue;
    }
    const field = ownField(path, 'measures', ctx, errors);
    if (!field) continue;
    const fits = fn === 'sum' || fn === 'avg' ? NUMERIC.has(field.kind) : fn === 'distinct' ? GROUPABLE.has(field.kind) : ORDERED.has(field.kind);
    if (fits) measures.push({ name, fn, field });
    else errors.push({ parameter: 'measures', message: `${fn} does not apply to "${path}"` });
  }
  if (new Set(measures.map((m) => m.name)).size !== measures.length) errors.push({ parameter: 'measures', message: 'names a measure twice' });
  return measures;
}

/**
 * A multi-currency amount (`x-currency-field`) is only summed, averaged or compared within
 * one currency: the query must group by its code field, or it would add CNY to USD (ADR 0013).
 */
function checkCurrencyGroups(measures: AggregateMeasure[], groups: AggregateGroup[], entity: EntityDefinition, errors: QueryError[]): void {
  for (const measure of measures) {
    const column = measure.field?.column;
    const code = column !== undefined && Object.hasOwn(entity.properties, column) ? entity.properties[column]['x-currency-field'] : undefined;
    if (code === undefined || groups.some((g) => g.field.column === code && g.field.hops.length === 0)) continue;
    errors.push({ parameter: 'measures', message: `"${measure.name}" mixes currencies: "${column}" has a currency per record, so add group=${code}` });
  }
}

/** `GET /api/{plural}/aggregate?group=…&measures=…` plus the list's filter and q. */
export function parseAggregateQuery(
  query: RawQuery,
  entity: EntityDefinition,
  registry: FieldTypeRegistry,
  entities?: readonly EntityDefinition[],
): QueryResult<AggregateQuery> {
  const errors: QueryError[] = [];
  const ctx = queryContext(entity, registry, entities);
  checkParameters(query, AGGREGATE_PARAMETERS, errors);
  const filter = parseFilter(query, ctx, errors);
  const search = parseSearch(query.q, entity, errors);
  const groups = parseGroups(single(query, 'group', errors), ctx, errors);
  const measures = parseMeasures(single(query, 'measures', errors), ctx, errors);
  checkCurrencyGroups(measures, groups, entity, errors);
  const rawLimit = single(query, 'limit', errors);
  const limit = rawLimit === undefined ? QUERY_LIMITS.maxAggregateRows : /^\d{1,4}$/.test(rawLimit) ? Number(rawLimit) : NaN;
  if (!(limit >= 1 && limit <= QUERY_LIMITS.maxAggregateRows)) errors.push({ parameter: 'limit', message: `must be a whole number from 1 to ${QUERY_LIMITS.maxAggregateRows}` });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...(filter ? { filter } : {}), ...(search ? { search } : {}), groups, measures, limit } };
}
