import { localize as localizeText } from '@tessera/metadata/i18n';
import type { Locale, LocalizedText } from '@tessera/metadata';

/**
 * The full UI language tag (e.g. `zh-Hant`). Screens pass `toLocale(i18n.language)`, which is
 * `zh` for any Chinese so that formats and server messages stay in a language the server speaks;
 * a label, though, should be in the exact language when the metadata has it. The i18n instance
 * sets this on every language change (all mounts on a page share the one UI language).
 */
let uiLanguage = 'en';

export function setUiLanguage(language: string): void {
  uiLanguage = language;
}

/** A metadata label in the UI language: the tag, then shorter tags (`zh-Hant` → `zh`), then `en`. */
export function localize(text: LocalizedText | undefined, locale: string): string {
  if (!text) return '';
  return localizeText(text, locale !== uiLanguage && toLocale(uiLanguage) === locale ? uiLanguage : locale);
}

/** The server-side message language for a UI language: Chinese for any `zh-*`, else English. */
export function toLocale(language: string): Locale {
  return language.split('-')[0]?.toLowerCase() === 'zh' ? 'zh' : 'en';
}
