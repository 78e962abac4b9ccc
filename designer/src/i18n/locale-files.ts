import { isLocaleTag } from '@tessera/metadata';
import available from './locales/locales.json';

/**
 * Languages beyond the built-in English and Simplified Chinese: one JSON catalog per BCP 47 tag
 * in ./locales, named in locales.json with the language's own name (what the switch shows).
 * A catalog may be partial; a missing key falls back along the tag (`zh-Hant` → `zh`) to `en`.
 */
export const localeFiles: Readonly<Record<string, string>> = available;

export type Catalog = { [key: string]: string | Catalog };

/** The catalog for `tag`, loaded on demand (the bundler splits each file into its own chunk). */
export async function loadLocaleFile(tag: string): Promise<Catalog> {
  if (!isLocaleTag(tag) || !Object.hasOwn(localeFiles, tag)) throw new Error(`No locale file for ${tag}`);
  const loaded = (await import(`./locales/${tag}.json`)) as { default?: Catalog } & Catalog;
  return (loaded.default ?? loaded) as Catalog;
}
