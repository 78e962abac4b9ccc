import type { EntityDefinition } from '@tessera/metadata';

/** Field types a search can match: short text. Long text (richtext HTML) never takes part. */
export const SEARCHABLE_TYPES: readonly string[] = ['text', 'textarea', 'email', 'phone', 'url', 'autonumber'];

/** What a search matches a field by: its text (case-insensitive substring) or a phone's digits only. */
export type SearchMatch = 'text' | 'digits';

export interface SearchField {
  name: string;
  match: SearchMatch;
  /** The entity's display field (its title): ranked before every other field. */
  title: boolean;
}

/** Phones are stored as typed (`138-0013 8000`, `+86 10 6552 9988`); a search compares their digits. */
const matchOf = (type: string): SearchMatch => (type === 'phone' ? 'digits' : 'text');

/**
 * The fields an entity's search uses — the list's `q`, every relation picker and the global
 * search alike: the fields marked `x-searchable` plus the display field. An entity that marks
 * none keeps the older behaviour (every short-text field), so apps written before the keyword
 * search as they did; only marked fields and the display field get trigram indexes
 * (`searchIndexFields`), so an app that wants index scans at scale marks its fields.
 */
export function searchFields(entity: EntityDefinition): SearchField[] {
  const display = entity['x-display-field'];
  const eligible = Object.entries(entity.properties).filter(([, field]) => SEARCHABLE_TYPES.includes(field['x-type']));
  const declared = eligible.some(([, field]) => field['x-searchable'] === true);
  return eligible
    .filter(([name, field]) => !declared || field['x-searchable'] === true || name === display)
    .map(([name, field]) => ({ name, match: matchOf(field['x-type']), title: name === display }))
    .sort((a, b) => Number(b.title) - Number(a.title));
}

/** The fields that get a trigram index: the display field and the ones marked `x-searchable`. */
export function searchIndexFields(entity: EntityDefinition): SearchField[] {
  const display = entity['x-display-field'];
  return Object.entries(entity.properties)
    .filter(([name, field]) => SEARCHABLE_TYPES.includes(field['x-type']) && (field['x-searchable'] === true || name === display))
    .map(([name, field]) => ({ name, match: matchOf(field['x-type']), title: name === display }));
}

/** The names of the searchable fields (the list's `q` columns). */
export function searchColumns(entity: EntityDefinition): string[] {
  return searchFields(entity).map((f) => f.name);
}

/**
 * The digits of a search that looks like a phone number (digits and `+ - ( ) .` or spaces,
 * at least three digits), else undefined: `138-0013` and `138 0013` both search `1380013`.
 */
export function phoneDigits(text: string): string | undefined {
  if (!/^[\d\s+\-().]+$/.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 3 ? digits : undefined;
}

/**
 * The SQL of a phone column's digits — the very expression its trigram index is built on, so
 * PostgreSQL matches the search against the index. `column` is already quoted.
 */
export const digitsSql = (column: string): string => `regexp_replace(${column}, '[^0-9]', '', 'g')`;
