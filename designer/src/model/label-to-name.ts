import { SYSTEM_FIELDS } from '@tessera/metadata';

const MAX_IDENTIFIER = 63; // PostgreSQL truncates identifiers past 63 bytes

/**
 * The snake_case field name the designer proposes for an English label: "Region code" →
 * `region_code`. Non-ASCII letters are dropped (a Chinese-only label yields ''), and a name
 * must start with a letter, so leading digits are prefixed with `f_`.
 */
export function labelToName(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // strip accents: "Café" → "Cafe"
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2') // "zipCode" → "zip Code"
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let name = words.join('_');
  if (/^[0-9]/.test(name)) name = `f_${name}`;
  return name.slice(0, MAX_IDENTIFIER).replace(/_+$/, '');
}

export type FieldNameProblem = 'empty' | 'format' | 'too-long' | 'reserved' | 'taken';

/** Why `name` cannot name a new field of an entity that already has `existing`, or null. */
export function checkFieldName(name: string, existing: readonly string[]): FieldNameProblem | null {
  if (!name) return 'empty';
  if (name.length > MAX_IDENTIFIER) return 'too-long';
  if (!/^[a-z][a-z0-9_]*$/.test(name)) return 'format';
  if ((SYSTEM_FIELDS as readonly string[]).includes(name)) return 'reserved';
  if (existing.includes(name)) return 'taken';
  return null;
}
