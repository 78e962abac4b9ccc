import type { Locale, LocalizedText } from '@tessera/metadata';

/** The text in `locale`, falling back to English (the one language every label has). */
export function localize(text: LocalizedText, locale: Locale): string {
  return (locale === 'en' ? text.en : text[locale]) || text.en;
}
