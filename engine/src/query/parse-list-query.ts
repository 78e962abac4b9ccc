import type { EntityDefinition } from '@tessera/metadata';
import { SYSTEM_FIELDS } from '@tessera/metadata';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import { coerceQueryValue } from './coerce-query-value';
import { decodeCursor } from './list-cursor';
import { parseExpand } from './parse-expand';
import { parseFilter } from './parse-filter';
import { parseSearch } from './parse-search';
import { parseSort } from './parse-sort';
import type { ExpandNode, ListQuery, QueryError, QueryResult, RawQuery, SortKey } from './query-types';
import { QUERY_LIMITS } from './query-types';
import { resolveFieldPath, type QueryContext } from './resolve-field-path';

/** Parameters a list request understands; anything else is a 400 so typos do not pass silently. */
const LIST_PARAMETERS = new Set(['filter', 'sort', 'fields', 'limit', 'offset', 'cursor', 'count', 'q', 'expand']);

export function queryContext(entity: EntityDefinition, registry: FieldTypeRegistry, entities?: readonly EntityDefinition[]): QueryContext {
  return { entity, registry, entities: entities ?? [entity] };
}

/** Parameters the caller did not expect. `_`-prefixed ones are left to caches and tools. */
export function checkParameters(query: RawQuery, known: ReadonlySet<string>, errors: QueryError[]): void {
  for (const key of Object.keys(query)) {
    if (known.has(key) || key.startsWith('filter') || key.startsWith('_')) continue;
    errors.push({ parameter: key, message: `is not a query parameter here; use ${[...known].join(', ')}` });
  }
}

export function single(query: RawQuery, name: string, errors: QueryError[]): string | undefined {
  const raw = query[name];
  if (Array.isArray(raw)) {
    errors.push({ parameter: name, message: 'must be given once' });
    return undefined;
  }
  return raw === '' ? undefined : raw;
}

function wholeNumber(query: RawQuery, name: string, fallback: number, min: number, max: number, errors: QueryError[]): number {
  const raw = single(query, name, errors);
  if (raw === undefined) return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    errors.push({ parameter: name, message: `must be a whole number from ${min} to ${max}` });
    return fallback;
  }
  return value;
}

function parseFields(raw: string | undefined, entity: EntityDefinition, errors: QueryError[]): string[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw.split(',');
  const known = (name: string) => (SYSTEM_FIELDS as readonly string[]).includes(name) || Object.prototype.hasOwnProperty.call(entity.properties, name);
  for (const name of names) if (!known(name)) errors.push({ parameter: 'fields', message: `unknown field "${name}"` });
  return [...new Set(names)];
}

function parseCursor(raw: string | undefined, sort: SortKey[], errors: QueryError[]): (string | null)[] | undefined {
  if (raw === undefined) return undefined;
  const decoded = decodeCursor(raw, sort);
  if (!decoded.ok) {
    errors.push({ parameter: 'cursor', message: decoded.message });
    return undefined;
  }
  // A forged cursor is client input like any other: each value must fit its column.
  for (const [i, value] of decoded.values.entries()) {
    if (value === null) continue;
    if (!coerceQueryValue(value, sort[i].field).ok) {
      errors.push({ parameter: 'cursor', message: 'is not a cursor this API issued' });
      return undefined;
    }
  }
  return decoded.values;
}

/** What `fields=` needs from the table: virtual fields have no column; expand needs its keys. */
function selectedColumns(fields: string[], expand: ExpandNode[], ctx: QueryContext): string[] {
  const stored = fields.filter((name) => resolveFieldPath(name, ctx).ok);
  const keys = expand.filter((node) => node.kind === 'many-to-one').map((node) => node.column);
  return [...new Set(['id', ...stored, ...keys])];
}

/**
 * A list request's query string → a validated ListQuery, or every problem at once, each
 * naming its parameter. Names are checked against metadata; values against field kinds.
 */
export function parseListQuery(
  query: RawQuery,
  entity: EntityDefinition,
  registry: FieldTypeRegistry,
  entities?: readonly EntityDefinition[],
): QueryResult<ListQuery> {
  const errors: QueryError[] = [];
  const ctx = queryContext(entity, registry, entities);
  checkParameters(query, LIST_PARAMETERS, errors);
  const filter = parseFilter(query, ctx, errors);
  const search = parseSearch(query.q, entity, errors);
  const sort = parseSort(query.sort, ctx, errors);
  const fields = parseFields(single(query, 'fields', errors), entity, errors);
  const limit = wholeNumber(query, 'limit', QUERY_LIMITS.defaultLimit, 1, QUERY_LIMITS.maxLimit, errors);
  const offset = wholeNumber(query, 'offset', 0, 0, 999_999_999, errors);
  const cursor = parseCursor(single(query, 'cursor', errors), sort, errors);
  if (cursor && offset > 0) errors.push({ parameter: 'offset', message: 'cannot be combined with cursor' });
  const rawCount = single(query, 'count', errors);
  if (rawCount !== undefined && rawCount !== 'true' && rawCount !== 'false') errors.push({ parameter: 'count', message: 'must be true or false' });
  // The total costs a second scan; offset pages have always had it, keyset pages ask for it.
  const count = rawCount === undefined ? cursor === undefined : rawCount === 'true';
  const expand = parseExpand(query.expand, ctx, errors);
  if (errors.length > 0) return { ok: false, errors };
  const columns = fields ? selectedColumns(fields, expand, ctx) : undefined;
  return {
    ok: true,
    value: {
      ...(filter ? { filter } : {}),
      ...(search ? { search } : {}),
      sort,
      ...(fields ? { fields, columns } : {}),
      limit,
      offset,
      ...(cursor ? { cursor } : {}),
      count,
      expand,
    },
  };
}

/** `GET /{plural}/{id}?expand=…&fields=…`: the parameters a single-record read takes. */
export function parseGetQuery(
  query: RawQuery,
  entity: EntityDefinition,
  registry: FieldTypeRegistry,
  entities?: readonly EntityDefinition[],
): QueryResult<{ expand: ListQuery['expand']; fields?: string[] }> {
  const errors: QueryError[] = [];
  checkParameters(query, new Set(['expand', 'fields']), errors);
  const expand = parseExpand(query.expand, queryContext(entity, registry, entities), errors);
  const fields = parseFields(single(query, 'fields', errors), entity, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { expand, ...(fields ? { fields } : {}) } };
}
