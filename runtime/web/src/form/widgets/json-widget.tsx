import { useState } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';

const show = (value: unknown) => (value === undefined || value === null ? '' : JSON.stringify(value, null, 2));

/**
 * A JSON field (any JSON value): edited as JSON text. The value changes only when the text
 * parses; until then the text is kept as typed and the field says it is not JSON yet.
 */
export function JsonWidget({ id, value, disabled, readonly, onChange, onBlur, onFocus, htmlName }: WidgetProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => show(value));
  const [bad, setBad] = useState(false);
  // A new value from outside (a reload) replaces the text unless it is what the text says already.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (!bad) setText(show(value));
  }
  return (
    <>
      <textarea id={id} name={htmlName ?? id} className="form-control t-json" rows={4} spellCheck={false} value={text} disabled={disabled || readonly}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') { setBad(false); onChange(undefined); return; }
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            setBad(false);
            onChange(parsed);
          } catch {
            setBad(true);
          }
        }}
        onBlur={() => onBlur(id, value)} onFocus={() => onFocus(id, value)} />
      {bad && <p className="t-field-error" data-testid={`json-invalid-${id}`}>{t('form.jsonInvalid')}</p>}
    </>
  );
}
