import type { EntityDefinition, FieldDefinition, LocalizedText } from '@tessera/metadata';

export type ExportLocale = 'en' | 'zh';

const text = (label: LocalizedText | undefined, locale: ExportLocale, fallback: string) => (locale === 'zh' ? label?.zh : undefined) || label?.en || fallback;

/** The export's columns: the asked-for fields (else every field the user may read), then the id. */
export function exportColumns(entity: EntityDefinition, fields: readonly string[] | undefined, locale: ExportLocale): { name: string; header: string; field?: FieldDefinition }[] {
  const names = (fields ?? Object.keys(entity.properties)).filter((name) => name in entity.properties);
  return [
    ...names.map((name) => ({ name, header: text(entity.properties[name]['x-label'], locale, name), field: entity.properties[name] })),
    { name: 'id', header: 'ID' },
  ];
}

/**
 * A value as a spreadsheet cell: option labels instead of codes (what the user saw in the
 * list), numbers stay numbers so Excel can sum them, lists joined.
 */
export function exportCell(field: FieldDefinition | undefined, value: unknown, locale: ExportLocale): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  const options = field?.['x-options'];
  if (options) {
    const label = (v: unknown) => text(options.find((o) => o.value === v)?.label, locale, String(v));
    return Array.isArray(value) ? value.map(label).join(', ') : label(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return Array.isArray(value) ? value.join(', ') : JSON.stringify(value);
}
