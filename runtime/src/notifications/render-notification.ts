import type { LocalizedTemplate } from '@tessera/engine';
import Handlebars from 'handlebars';

export type NotificationLocale = 'en' | 'zh';

/** A rendered message in one locale. */
export interface RenderedText {
  subject: string | null;
  body: string;
}

/**
 * What a notify outbox row carries: `subject`/`body` in English (the default, and what rows
 * written before per-locale templates had) and, when the action gave a `zh` template,
 * `localized.zh`. Rendered at the transition, over the record as it was then.
 */
export interface RenderedNotification extends RenderedText {
  localized?: { zh?: RenderedText };
}

const templates = new Map<string, HandlebarsTemplateDelegate>();
// `{{x}}` stays HTML-escaped: bodies are shown in the app and may be sent as HTML mail.
function render(template: string, data: object): string {
  let compiled = templates.get(template);
  if (!compiled) templates.set(template, (compiled = Handlebars.compile(template, { strict: false })));
  return compiled(data);
}

const pick = (t: LocalizedTemplate, locale: NotificationLocale): string => (typeof t === 'string' ? t : locale === 'zh' ? (t.zh ?? t.en) : t.en);
const hasZh = (t: LocalizedTemplate | undefined) => typeof t === 'object' && t.zh !== undefined;

export function renderNotification(template: LocalizedTemplate, subject: LocalizedTemplate | undefined, data: object): RenderedNotification {
  const one = (locale: NotificationLocale): RenderedText => ({ subject: subject ? render(pick(subject, locale), data) : null, body: render(pick(template, locale), data) });
  return { ...one('en'), ...(hasZh(template) || hasZh(subject) ? { localized: { zh: one('zh') } } : {}) };
}

/** The text for a recipient's locale: theirs when the row has it, else the English default. */
export function textFor(n: RenderedNotification, locale: NotificationLocale): RenderedText {
  const own = locale === 'zh' ? n.localized?.zh : undefined;
  return own ?? { subject: n.subject, body: n.body };
}
