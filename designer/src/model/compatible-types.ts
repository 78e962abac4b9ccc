import type { FieldTypeRegistry } from '@tessera/engine';
import type { FieldDefinition } from '@tessera/metadata';

const FAMILIES: Record<string, string> = {
  text: 'text', varchar: 'text', numeric: 'number', integer: 'number', bigint: 'number', smallint: 'number',
  'double precision': 'number', real: 'number', date: 'date', timestamptz: 'date', timestamp: 'date',
};

/**
 * The types a field may change to in the inspector: same column family (text, number, date),
 * or anything that stores text. Types that need configuration the inspector cannot give in one
 * step (relations) are left out. The migration plan still has the last word: it prechecks rows
 * that would not convert and refuses what cannot convert at all.
 */
export function compatibleTypes(registry: FieldTypeRegistry, field: FieldDefinition): string[] {
  const familyOf = (type: string) => {
    try {
      const column = registry.get(type).column({ ...field, 'x-type': type, 'x-options': field['x-options'] ?? [{ value: 'a', label: { en: 'a' } }] });
      return FAMILIES[column.kind] ?? column.kind;
    } catch {
      return undefined;
    }
  };
  const current = familyOf(field['x-type']);
  return registry.list()
    .filter((t) => t.name === field['x-type'] || (!t.requiresRelation && t.name !== 'formula' && t.name !== 'autonumber'))
    .filter((t) => t.name === field['x-type'] || ((f) => f !== undefined && (f === current || f === 'text'))(familyOf(t.name)))
    .map((t) => t.name);
}
