import type { EntityDefinition } from '@tessera/metadata';
import { localize } from '../meta/localize';

const SHOWN_TYPES = new Set(['text', 'select', 'phone', 'email', 'number', 'currency', 'date']);

/** The pool's columns: the display field, then up to three plain fields a rep decides by (level, industry, region…). */
export function poolColumns(entity: EntityDefinition, hidden: readonly string[] = []): string[] {
  const display = entity['x-display-field'];
  const rest = Object.entries(entity.properties)
    .filter(([name, f]) => name !== display && !hidden.includes(name) && SHOWN_TYPES.has(f['x-type']) && !f['x-readonly'])
    .map(([name]) => name)
    .slice(0, 3);
  return display && !hidden.includes(display) ? [display, ...rest] : rest;
}

/** One cell as text: a select shows its option's label, anything else its value. */
export function poolCell(entity: EntityDefinition, name: string, value: unknown, locale: string): string {
  if (value === null || value === undefined) return '';
  const option = entity.properties[name]?.['x-options']?.find((o) => o.value === value);
  return option ? localize(option.label, locale) : String(value);
}
