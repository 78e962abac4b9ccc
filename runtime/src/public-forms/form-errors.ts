import { localize } from '@tessera/engine';
import type { FoundForm } from './find-public-form';
import { PUBLIC_FORM_TEXTS, type FormLanguage } from './public-form-texts';

interface Detail {
  field?: string;
  rule?: string;
  message?: string;
}

/** The rule-level words a visitor reads in Chinese (the validator speaks English). */
const RULE_WORDS: Record<string, { en: string; zh: string }> = {
  format: { en: 'is not in the right format', zh: '格式不正确' },
  type: { en: 'is not in the right format', zh: '格式不正确' },
  pattern: { en: 'is not in the right format', zh: '格式不正确' },
  maxLength: { en: 'is too long', zh: '内容过长' },
  minLength: { en: 'is too short', zh: '内容过短' },
  enum: { en: 'is not one of the choices', zh: '不是可选的值' },
  minimum: { en: 'is too small', zh: '数值过小' },
  maximum: { en: 'is too large', zh: '数值过大' },
  scale: { en: 'has too many decimal places', zh: '小数位数过多' },
};

/** A 422's details as messages at the visitor's fields, in their language, naming each field by its label. */
export function formErrors(found: FoundForm, details: readonly unknown[], lang: FormLanguage): Record<string, string> {
  const t = PUBLIC_FORM_TEXTS[lang];
  const errors: Record<string, string> = {};
  for (const raw of details) {
    const d = raw as Detail;
    const name = (d.field ?? '').split('/')[0].split('.')[0];
    const shown = found.fields.find((f) => f.name === name);
    const key = shown ? name : '';
    const label = shown ? localize(shown.field['x-label'], lang) : '';
    const words = RULE_WORDS[d.rule ?? ''];
    const message = d.rule === 'required' || d.rule === 'non-empty' ? t.fieldRequired(label) : t.fieldInvalid(label, words ? words[lang] : d.message ?? '');
    errors[key] = errors[key] ? `${errors[key]} ${message}` : message;
  }
  return errors;
}
