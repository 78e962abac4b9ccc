import type { EntityDefinition } from '@tessera/metadata';
import type { QueryError } from './query-types';
import { QUERY_LIMITS } from './query-types';

/**
 * Field types `q` searches. There is no `x-searchable` keyword yet, so every stored field of
 * a short-text type takes part; long text (richtext HTML) does not.
 */
export const SEARCHABLE_TYPES: readonly string[] = ['text', 'textarea', 'email', 'phone', 'url', 'autonumber'];

export function searchColumns(entity: EntityDefinition): string[] {
  return Object.entries(entity.properties)
    .filter(([, field]) => SEARCHABLE_TYPES.includes(field['x-type']))
    .map(([name]) => name);
}

/**
 * `q=华为`: a substring, matched case-insensitively against the searchable fields. Substring
 * matching (ILIKE) needs no word segmentation, which is what makes it work for Chinese.
 */
export function parseSearch(raw: string | string[] | undefined, entity: EntityDefinition, errors: QueryError[]): { text: string; columns: string[] } | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) {
    errors.push({ parameter: 'q', message: 'must be given once' });
    return undefined;
  }
  const text = raw.trim();
  if (text === '') return undefined;
  if (text.length > QUERY_LIMITS.maxSearchLength) {
    errors.push({ parameter: 'q', message: `is longer than ${QUERY_LIMITS.maxSearchLength} characters` });
    return undefined;
  }
  if (text.includes('\u0000')) {
    errors.push({ parameter: 'q', message: 'must not contain a NUL character' });
    return undefined;
  }
  const columns = searchColumns(entity);
  if (columns.length === 0) {
    errors.push({ parameter: 'q', message: `${entity['x-name']} has no searchable fields` });
    return undefined;
  }
  return { text, columns };
}
