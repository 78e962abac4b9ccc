/**
 * A user-facing string keyed by BCP 47 language tag (`en`, `zh`, `zh-Hant`, `ja`, …). `en` is
 * required: every lookup ends there (see `localeFallbacks`). Adding a language adds keys, not code.
 */
export interface LocalizedText {
  en: string;
  zh?: string;
  [tag: string]: string | undefined;
}

/** The languages Tessera's own server-side messages (errors, exports, e-mails) are written in. */
export type Locale = 'en' | 'zh';

/** Any BCP 47 tag a label or UI catalog may be keyed by. */
export type LocaleTag = string;

/**
 * language[-Script][-REGION][-variant…]: the BCP 47 subset locale files use (no extensions or
 * private use). Shared by the meta-schema's `localizedText` and the UI catalog loaders.
 */
export const LOCALE_TAG_PATTERN = '^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-(?:[a-zA-Z]{2}|[0-9]{3}))?(-(?:[a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*$';

export function isLocaleTag(tag: string): boolean {
  return new RegExp(LOCALE_TAG_PATTERN).test(tag);
}

/** Lookup order for a tag: itself, then shorter by dropping the last subtag, then `en`. `zh-Hant-TW` → zh-Hant-TW, zh-Hant, zh, en. */
export function localeFallbacks(tag: string): string[] {
  const parts = tag.split('-').filter(Boolean);
  const chain: string[] = [];
  for (let n = parts.length; n > 0; n--) chain.push(parts.slice(0, n).join('-'));
  if (!chain.includes('en')) chain.push('en');
  return chain;
}


/**
 * The text in `locale` (any BCP 47 tag), else the nearest shorter tag (`zh-Hant` → `zh`), else
 * English, the one language every label has. Tags compare case-insensitively, as BCP 47 says.
 */
export function localize(text: LocalizedText, locale: string): string {
  const keys = Object.keys(text);
  for (const tag of localeFallbacks(locale)) {
    const key = text[tag] !== undefined ? tag : keys.find((k) => k.toLowerCase() === tag.toLowerCase());
    const value = key === undefined ? undefined : text[key];
    if (value) return value;
  }
  return text.en;
}
