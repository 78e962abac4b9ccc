import type { LocalizedText } from '@tessera/metadata';

/** A metadata label in the UI language; `zh` falls back to `en`. */
export function localize(text: LocalizedText | undefined, language: string): string {
  if (!text) return '';
  return (language === 'zh' ? text.zh : undefined) || text.en;
}
