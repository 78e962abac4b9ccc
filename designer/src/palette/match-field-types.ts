import type { FieldTypeDefinition } from '@tessera/engine';

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The field types a palette search finds: every word of the query in the type's English or
 * Chinese label or its name (so "数字", "num" and "currency" all work whatever the UI language),
 * labels that start with the query first. An empty query keeps every type in registry order.
 */
export function matchFieldTypes(types: readonly FieldTypeDefinition[], query: string): FieldTypeDefinition[] {
  const words = fold(query).split(' ').filter(Boolean);
  if (!words.length) return [...types];
  const scored: { type: FieldTypeDefinition; score: number; index: number }[] = [];
  types.forEach((type, index) => {
    const texts = [type.label.en, type.label.zh ?? '', type.name].map(fold);
    if (!words.every((w) => texts.some((t) => t.includes(w)))) return;
    const score = texts.some((t) => t.startsWith(words[0])) ? 0 : 1;
    scored.push({ type, score, index });
  });
  return scored.sort((a, b) => a.score - b.score || a.index - b.index).map((s) => s.type);
}
