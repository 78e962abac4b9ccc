import { localize as localizeText } from '@tessera/engine';
import type { LocalizedText } from '@tessera/metadata';

/** A metadata label in the UI language: the tag, then shorter tags (`zh-Hant` → `zh`), then `en`. */
export function localize(text: LocalizedText | undefined, language: string): string {
  if (!text) return '';
  return localizeText(text, language);
}
