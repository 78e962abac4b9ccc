import type { EntityDefinition } from '@tessera/metadata';
import type { QueryError, SearchQuery } from './query-types';
import { QUERY_LIMITS } from './query-types';
import { phoneDigits, searchFields } from './search-fields';

/**
 * `q=华为`: a substring, matched case-insensitively against the searchable fields. Substring
 * matching (ILIKE) needs no word segmentation, which is what makes it work for Chinese.
 */
export function parseSearch(raw: string | string[] | undefined, entity: EntityDefinition, errors: QueryError[]): SearchQuery | undefined {
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
  const fields = searchFields(entity);
  if (fields.length === 0) {
    errors.push({ parameter: 'q', message: `${entity['x-name']} has no searchable fields` });
    return undefined;
  }
  const columns = fields.filter((f) => f.match === 'text').map((f) => f.name);
  const phones = fields.filter((f) => f.match === 'digits').map((f) => f.name);
  const digits = phoneDigits(text);
  // A phone holds no letters: a search that is not a number never matches one.
  return phones.length > 0 && digits ? { text, columns, phones, digits } : { text, columns };
}
