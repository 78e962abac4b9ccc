/** A notify action's params, as the notify editor reads and writes them. */
export type Localized = string | { en: string; zh?: string };
export interface NotifyParams {
  template?: Localized;
  subject?: Localized;
  to?: string[];
  channels?: string[];
}

export const textOf = (v: Localized | undefined, lang: 'en' | 'zh') => (typeof v === 'string' ? (lang === 'en' ? v : '') : v?.[lang] ?? '');

/** A template per language; one for all stays a plain string until Chinese is written. */
export function withText(v: Localized | undefined, lang: 'en' | 'zh', text: string): Localized | undefined {
  const next = { en: textOf(v, 'en'), zh: textOf(v, 'zh'), [lang]: text };
  if (!next.en && !next.zh) return undefined;
  return next.zh ? next : next.en;
}

