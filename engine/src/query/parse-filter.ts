import type { FilterOperator } from '../field-types/field-type-types';
import { coerceQueryValue } from './coerce-query-value';
import type { FieldRef, FilterCondition, FilterNode, FilterValue, QueryError, RawQuery } from './query-types';
import { QUERY_LIMITS } from './query-types';
import { resolveFieldPath, type QueryContext } from './resolve-field-path';

const ALL_OPERATORS: readonly FilterOperator[] = [
  'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'between', 'contains', 'startsWith', 'isNull', 'containsAll', 'containsAny',
];
const LIST_OPERATORS: readonly FilterOperator[] = ['in', 'nin', 'containsAll', 'containsAny'];
const BRACKET = /^filter\[([^\][]+)\](?:\[([^\][]+)\])?$/;
const MAX_JSON_LENGTH = 10_000;

/** Shared across the bracket and JSON forms so the limits apply to the whole filter. */
interface FilterState {
  ctx: QueryContext;
  errors: QueryError[];
  conditions: number;
}

/**
 * The filter of a request: the bracket form (`filter[industry][in]=it,finance`, ANDed) and
 * the JSON form (`filter={"or":[...]}`) may be combined; both end up ANDed together.
 */
export function parseFilter(query: RawQuery, ctx: QueryContext, errors: QueryError[]): FilterNode | undefined {
  const state: FilterState = { ctx, errors, conditions: 0 };
  const nodes: FilterNode[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (key === 'filter' || !key.startsWith('filter')) continue;
    const match = BRACKET.exec(key);
    if (!match) {
      errors.push({ parameter: key, message: 'must look like filter[field] or filter[field][operator]' });
      continue;
    }
    const node = condition(state, key, match[1], match[2] ?? 'eq', raw, 'query');
    if (node) nodes.push(node);
  }
  if (query.filter !== undefined) {
    const node = parseJsonFilter(state, query.filter);
    if (node) nodes.push(node);
  }
  if (nodes.length === 0) return undefined;
  return nodes.length === 1 ? nodes[0] : { and: nodes };
}

function parseJsonFilter(state: FilterState, raw: string | string[] | undefined): FilterNode | undefined {
  if (typeof raw !== 'string') {
    state.errors.push({ parameter: 'filter', message: 'must be given once, as a JSON object' });
    return undefined;
  }
  if (raw.length > MAX_JSON_LENGTH) {
    state.errors.push({ parameter: 'filter', message: `is longer than ${MAX_JSON_LENGTH} characters` });
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    state.errors.push({ parameter: 'filter', message: 'is not valid JSON' });
    return undefined;
  }
  return jsonNode(state, json, '', 1);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function jsonNode(state: FilterState, json: unknown, at: string, depth: number): FilterNode | undefined {
  const fail = (message: string) => {
    state.errors.push({ parameter: 'filter', message: at ? `${at}: ${message}` : message });
    return undefined;
  };
  if (depth > QUERY_LIMITS.maxDepth) return fail(`nests and/or deeper than ${QUERY_LIMITS.maxDepth} levels`);
  if (!isObject(json)) return fail('must be an object such as {"industry":{"eq":"it"}} or {"and":[...]}');
  const keys = Object.keys(json);
  if (keys.length === 0) return fail('must not be empty');
  const nodes: FilterNode[] = [];
  for (const key of keys) {
    const value = json[key];
    const here = at ? `${at}.${key}` : key;
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value) || value.length === 0) {
        fail(`"${here}" must be a non-empty array of filters`);
        continue;
      }
      const children = value.map((child, i) => jsonNode(state, child, `${here}[${i}]`, depth + 1));
      if (children.every((c): c is FilterNode => c !== undefined)) nodes.push(key === 'and' ? { and: children } : { or: children });
      continue;
    }
    // `{"name": "Acme"}` is shorthand for `{"name": {"eq": "Acme"}}`.
    const ops = isObject(value) ? Object.entries(value) : [['eq', value] as [string, unknown]];
    if (ops.length === 0) fail(`"${here}" has no operator`);
    for (const [op, operand] of ops) {
      const node = condition(state, 'filter', key, op, operand, 'json', `${here}.${op}: `);
      if (node) nodes.push(node);
    }
  }
  if (nodes.length === 0) return undefined;
  return nodes.length === 1 ? nodes[0] : { and: nodes };
}

/** One `field op value` condition, checked against metadata, the field's operators and its kind. */
function condition(
  state: FilterState,
  parameter: string,
  path: string,
  rawOp: string,
  raw: unknown,
  source: 'query' | 'json',
  prefix = '',
): FilterCondition | undefined {
  const fail = (message: string) => {
    state.errors.push({ parameter, message: prefix + message });
    return undefined;
  };
  state.conditions += 1;
  if (state.conditions === QUERY_LIMITS.maxConditions + 1) fail(`has more than ${QUERY_LIMITS.maxConditions} conditions`);
  if (state.conditions > QUERY_LIMITS.maxConditions) return undefined;
  const resolved = resolveFieldPath(path, state.ctx);
  if (!resolved.ok) return fail(resolved.message);
  const field = resolved.ref;
  const op = ALL_OPERATORS.find((o) => o === rawOp);
  if (!op) return fail(`unknown operator "${rawOp}"; use one of ${ALL_OPERATORS.join(', ')}`);
  if (!field.operators.includes(op)) {
    return fail(`"${path}" does not support "${op}"; it supports ${field.operators.join(', ') || 'no operators'}`);
  }
  const value = operand(field, op, raw, source);
  if (typeof value === 'string') return fail(value);
  return { field, op, value: value.value };
}

/** The operand of `op`, coerced; a string is an error message. */
function operand(field: FieldRef, op: FilterOperator, raw: unknown, source: 'query' | 'json'): string | { value: FilterValue | FilterValue[] } {
  if (op === 'isNull') {
    const text = Array.isArray(raw) ? undefined : raw === undefined || raw === '' ? 'true' : String(raw);
    if (text !== 'true' && text !== 'false') return 'isNull takes true or false';
    return { value: text === 'true' };
  }
  const multi = LIST_OPERATORS.includes(op) || op === 'between';
  let items: unknown[];
  if (multi) {
    // Query strings give `a,b` or repeated parameters; JSON gives an array.
    items = Array.isArray(raw) ? (source === 'query' ? raw.flatMap((r) => String(r).split(',')) : raw) : source === 'query' && typeof raw === 'string' ? raw.split(',') : [raw];
    if (op === 'between' && items.length !== 2) return 'between takes exactly two values, low and high';
    if (items.length === 0 || items.length > QUERY_LIMITS.maxInValues) return `${op} takes 1 to ${QUERY_LIMITS.maxInValues} values`;
  } else {
    if (Array.isArray(raw)) return `${op} takes a single value`;
    items = [raw];
  }
  const values: FilterValue[] = [];
  for (const item of items) {
    if (item === null || item === undefined) return `${op} needs a value; use isNull to match empty fields`;
    // Array fields (multiselect) compare element by element: each item is one text value.
    const coerced = coerceQueryValue(item, field.kind === 'array' ? { ...field, kind: 'string' } : field);
    if (!coerced.ok) return `value ${coerced.message}`;
    values.push(coerced.value);
  }
  if ((op === 'contains' || op === 'startsWith') && typeof values[0] !== 'string') return `${op} takes text`;
  return { value: multi ? values : values[0] };
}
