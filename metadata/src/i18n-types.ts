/** A user-facing string in every UI language Tessera ships. `zh` falls back to `en` when absent. */
export interface LocalizedText {
  en: string;
  zh?: string;
}

export type Locale = 'en' | 'zh';
