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


/** One text as the editor shows it: both languages, and whether it was written per language. */
export interface Texts { en: string; zh: string; perLanguage: boolean }

export const textsOf = (v: Localized | undefined): Texts => ({ en: textOf(v, 'en'), zh: textOf(v, 'zh'), perLanguage: typeof v === 'object' });

/** Back to the params: per language when Chinese is written (or was per language), else one plain text. */
export function localizedOf(t: Texts): Localized | undefined {
  if (!t.en && !t.zh) return undefined;
  if (t.zh) return { en: t.en, zh: t.zh };
  return t.perLanguage ? { en: t.en } : t.en;
}

/** The notify editor's state: the two texts, the recipients and the channels. */
export interface NotifyState {
  subject: Texts;
  message: Texts;
  to: string[];
  channels: string[];
}

export const notifyToState = (p: NotifyParams): NotifyState => ({ subject: textsOf(p.subject), message: textsOf(p.template), to: p.to ?? [], channels: p.channels ?? [] });

export function notifyToParams(s: NotifyState): NotifyParams {
  const template = localizedOf(s.message);
  const subject = localizedOf(s.subject);
  return { ...(template !== undefined ? { template } : {}), ...(subject !== undefined ? { subject } : {}), ...(s.to.length ? { to: s.to } : {}), ...(s.channels.length ? { channels: s.channels } : {}) };
}
