import type { FoundForm } from './find-public-form';

const NUMERIC = new Set(['number', 'currency', 'percent']);

/**
 * The visitor's texts as the record's values: trimmed, empty ones left out (so `required`
 * speaks), numbers as numbers where they parse (else the text, for the validator to name),
 * a checkbox as true/false; then the form's defaults, which a visitor cannot override.
 */
export function formValues(found: FoundForm, texts: Record<string, string>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const { name, field } of found.fields) {
    const type = field['x-type'];
    if (type === 'boolean') {
      data[name] = texts[name] === 'true' || texts[name] === 'on';
      continue;
    }
    const text = (texts[name] ?? '').trim();
    if (text === '') continue;
    data[name] = NUMERIC.has(type) && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  }
  return { ...data, ...(found.form.defaults ?? {}) };
}
