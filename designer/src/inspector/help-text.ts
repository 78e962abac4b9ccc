import type { FieldDefinition } from '@tessera/metadata';

/** A field's help as stored: `{ en, zh }` when both are given, else the one text (shown in every language). */
export function helpText(en: string, zh: string): FieldDefinition['description'] {
  const [e, z] = [en.trim(), zh.trim()];
  if (e && z) return { en: e, zh: z };
  return e || z || undefined;
}
