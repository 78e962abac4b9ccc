import { localize } from '@tessera/engine';
import type { FieldDefinition } from '@tessera/metadata';
import type { Challenge } from './form-captcha';
import type { FoundForm } from './find-public-form';
import { PUBLIC_FORM_TEXTS, type FormLanguage } from './public-form-texts';

/** The one escape every value and label passes through on its way into the page. */
export const escapeHtml = (text: unknown): string =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The honeypot: hidden from people, filled in by naive bots; a filled one is dropped silently. */
export const HONEYPOT = 'website_url';

export interface PageInput {
  found: FoundForm;
  lang: FormLanguage;
  challenge?: Challenge;
  values?: Record<string, string>;
  /** Messages at fields, and one for the whole form. */
  errors?: Record<string, string>;
  notice?: string;
  thanks?: boolean;
}

const INPUT_TYPE: Record<string, string> = { email: 'email', phone: 'tel', url: 'url', number: 'number', currency: 'number', percent: 'number', date: 'date' };

function control(name: string, field: FieldDefinition, required: boolean, value: string, lang: FormLanguage): string {
  const t = PUBLIC_FORM_TEXTS[lang];
  const attrs = `id="f-${escapeHtml(name)}" name="${escapeHtml(name)}"${required ? ' required' : ''}`;
  switch (field['x-type']) {
    case 'textarea':
      return `<textarea ${attrs} rows="4">${escapeHtml(value)}</textarea>`;
    case 'boolean':
      return `<label class="check"><input type="checkbox" ${attrs} value="true"${value === 'true' ? ' checked' : ''}> ${escapeHtml(t.yes)}</label>`;
    case 'select':
      return `<select ${attrs}><option value="">${escapeHtml(t.choose)}</option>${(field['x-options'] ?? [])
        .map((o) => `<option value="${escapeHtml(o.value)}"${o.value === value ? ' selected' : ''}>${escapeHtml(localize(o.label, lang))}</option>`).join('')}</select>`;
    default: {
      const type = INPUT_TYPE[field['x-type']] ?? 'text';
      const step = type === 'number' ? ` step="${field['x-scale'] === 0 ? '1' : 'any'}"` : '';
      const max = typeof field.maxLength === 'number' ? ` maxlength="${field.maxLength}"` : '';
      return `<input type="${type}" ${attrs} value="${escapeHtml(value)}"${step}${max}>`;
    }
  }
}

const STYLE = `body{font:16px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f6f8;color:#1f2328}
main{max-width:560px;margin:0 auto;padding:24px 16px}form,.done{background:#fff;border-radius:8px;padding:20px;box-shadow:0 1px 3px #0002}
label{display:block;font-weight:600;margin:14px 0 4px}label.check{font-weight:400}input:not([type=checkbox]),select,textarea{width:100%;box-sizing:border-box;padding:8px;font:inherit;border:1px solid #c8ccd1;border-radius:6px}
.err{color:#b42318;font-size:14px;margin-top:2px}.notice{background:#fef3f2;color:#b42318;padding:8px 12px;border-radius:6px}
.req{color:#b42318;font-weight:400;font-size:13px;margin-left:4px}button{margin-top:18px;padding:10px 20px;font:inherit;background:#1f6feb;color:#fff;border:0;border-radius:6px}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}.lang{float:right;font-size:14px}`;

/** The whole page: the form (values kept, errors at their fields) or the thank-you message. No script. */
export function renderFormPage({ found, lang, challenge, values = {}, errors = {}, notice, thanks }: PageInput): string {
  const t = PUBLIC_FORM_TEXTS[lang];
  const { form } = found;
  const other = lang === 'zh' ? 'en' : 'zh';
  const title = escapeHtml(localize(form.title, lang));
  const head = `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>${STYLE}</style></head><body><main>`;
  const langLink = `<a class="lang" href="?lang=${other}">${escapeHtml(t.language)}</a>`;
  if (thanks) {
    return `${head}${langLink}<h1>${title}</h1><div class="done" role="status">${escapeHtml(form.thanks ? localize(form.thanks, lang) : t.thanks)}</div></main></body></html>`;
  }
  const fields = found.fields.map(({ name, field, required }) => {
    const error = errors[name] ? `<div class="err" id="e-${escapeHtml(name)}">${escapeHtml(errors[name])}</div>` : '';
    const label = field['x-type'] === 'boolean' ? escapeHtml(localize(field['x-label'], lang)) : `<label for="f-${escapeHtml(name)}">${escapeHtml(localize(field['x-label'], lang))}${required ? `<span class="req">${escapeHtml(t.required)}</span>` : ''}</label>`;
    return `<div class="field">${field['x-type'] === 'boolean' ? `<label>${label}</label>` : label}${control(name, field, required, values[name] ?? '', lang)}${error}</div>`;
  }).join('');
  const captcha = challenge
    ? `<div class="field"><label for="f-captcha">${escapeHtml(t.captcha(challenge.a, challenge.b))}</label><input id="f-captcha" name="captcha_answer" inputmode="numeric" autocomplete="off" required><input type="hidden" name="captcha_token" value="${escapeHtml(challenge.token)}">${errors.captcha_answer ? `<div class="err">${escapeHtml(errors.captcha_answer)}</div>` : ''}</div>`
    : '';
  const intro = form.intro ? `<p>${escapeHtml(localize(form.intro, lang))}</p>` : '';
  return `${head}${langLink}<h1>${title}</h1>${intro}<form method="post" action="?lang=${lang}" novalidate>${notice ? `<p class="notice" role="alert">${escapeHtml(notice)}</p>` : ''}${fields}<div class="hp" aria-hidden="true"><label for="f-hp">Website</label><input id="f-hp" name="${HONEYPOT}" tabindex="-1" autocomplete="off"></div>${captcha}<button type="submit">${escapeHtml(t.submit)}</button></form></main></body></html>`;
}
