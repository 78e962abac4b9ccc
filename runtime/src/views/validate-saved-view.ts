import { parseListQuery } from '@tessera/engine';
import type { AuthUser } from '../auth/auth-types';
import type { ErrorDetail } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';
import type { SavedViewQuery } from './saved-view-types';

const QUERY_KEYS = ['filter', 'sort', 'q', 'fields'] as const;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The compiled entity named `name` (`x-name`), if the published app has it. */
export const entityNamed = (state: AppState, name: unknown): CompiledEntity | undefined =>
  typeof name === 'string' ? [...state.byPlural.values()].find((e) => e.entity['x-name'] === name) : undefined;

/** A view's name: 1–100 characters once trimmed. */
export function checkName(name: unknown, errors: ErrorDetail[]): string | undefined {
  if (typeof name === 'string' && name.trim().length >= 1 && name.trim().length <= 100) return name.trim();
  errors.push({ field: 'name', rule: name === undefined ? 'required' : 'length', message: 'must be 1 to 100 characters' });
  return undefined;
}

/**
 * Checks `query` with the engine's list-query parser against the entity as `user` knows it,
 * so a view never holds an unknown or hidden field, a bad operator or value, or a bad sort.
 * Problems are pushed as `query.{parameter}` details; the checked query is returned.
 * Throws 403 when the user may not read the entity at all.
 */
export function checkQuery(state: AppState, entity: CompiledEntity, user: AuthUser, query: unknown, errors: ErrorDetail[]): SavedViewQuery | undefined {
  if (!isObject(query)) {
    errors.push({ field: 'query', rule: 'type', message: 'must be an object with filter, sort, q, fields' });
    return undefined;
  }
  const before = errors.length;
  for (const key of Object.keys(query)) if (!(QUERY_KEYS as readonly string[]).includes(key)) errors.push({ field: `query.${key}`, rule: 'unknown-field', message: `is not part of a view; use ${QUERY_KEYS.join(', ')}` });
  if (query.filter !== undefined && !isObject(query.filter)) errors.push({ field: 'query.filter', rule: 'type', message: 'must be a filter object' });
  for (const key of ['sort', 'q', 'fields'] as const) {
    const v = query[key];
    if (v !== undefined && (typeof v !== 'string' || v.length > 2000)) errors.push({ field: `query.${key}`, rule: 'type', message: 'must be a string of at most 2000 characters' });
  }
  if (JSON.stringify(query).length > 20_000) errors.push({ field: 'query', rule: 'size', message: 'must be at most 20,000 characters as JSON' });
  if (errors.length > before) return undefined;
  const access = recordAccess(user, state, entity, 'read');
  const raw: Record<string, string> = {};
  if (query.filter !== undefined) raw.filter = JSON.stringify(query.filter);
  for (const key of ['sort', 'q', 'fields'] as const) if (typeof query[key] === 'string' && query[key] !== '') raw[key] = query[key] as string;
  const parsed = parseListQuery(raw, access.entity, state.registry, access.entities);
  if (!parsed.ok) {
    for (const e of parsed.errors) errors.push({ field: `query.${e.parameter.startsWith('filter') ? 'filter' : e.parameter}`, rule: 'invalid', message: e.message });
    return undefined;
  }
  return Object.fromEntries(Object.entries({ filter: query.filter, sort: raw.sort, q: raw.q, fields: raw.fields }).filter(([, v]) => v !== undefined)) as SavedViewQuery;
}

/** Whether a stored view still parses for `user` (a publish may have removed a field since). */
export function stillValid(state: AppState, entity: CompiledEntity, user: AuthUser, query: SavedViewQuery): string[] {
  const errors: ErrorDetail[] = [];
  try {
    checkQuery(state, entity, user, query, errors);
  } catch {
    return ['you may not read this entity'];
  }
  return errors.map((e) => `${e.field}: ${e.message}`);
}
