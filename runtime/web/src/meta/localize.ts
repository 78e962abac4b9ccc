import type { Locale, LocalizedText } from '@tessera/metadata';

/** A metadata label in the UI language; `zh` falls back to `en` (metadata/src/i18n-types.ts). */
export function localize(text: LocalizedText | undefined, locale: string): string {
  if (!text) return '';
  return (locale === 'zh' ? text.zh : undefined) || text.en;
}

export function toLocale(language: string): Locale {
  return language === 'zh' ? 'zh' : 'en';
}
