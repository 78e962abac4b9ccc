import { lazy, Suspense } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { RichTextView } from '../../field-types/rich-text-view';

// The editor (TipTap on ProseMirror) is a chunk of its own: only a form with a rich-text field loads it.
const RichTextEditor = lazy(() => import('./richtext-editor'));

/**
 * The `richtext` field type's widget: a formatting editor that saves HTML (sanitized by the
 * server on write); read-only, the stored HTML shown through the browser's sanitizer.
 */
export function RichTextWidget({ id, value, disabled, readonly, onChange, onBlur, onFocus, label }: WidgetProps) {
  const { t } = useTranslation();
  if (disabled || readonly) return <RichTextView html={value} id={id} />;
  return (
    <Suspense fallback={<div className="t-richtext-editor" aria-busy="true">{t('form.richText.loading')}</div>}>
      <RichTextEditor id={id} label={label} value={typeof value === 'string' ? value : ''}
        onChange={(html) => onChange(html)} onBlur={() => onBlur(id, value)} onFocus={() => onFocus(id, value)} />
    </Suspense>
  );
}
