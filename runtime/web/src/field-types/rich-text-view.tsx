import { sanitizeRichTextHtml } from './sanitize-rich-text-html';

/**
 * Stored rich text shown as formatted text (a read-only field, a list cell), always through the
 * browser's sanitizer: never the stored string put into the page as it is.
 */
export function RichTextView({ html, id, compact = false }: { html: unknown; id?: string; compact?: boolean }) {
  const clean = typeof html === 'string' ? sanitizeRichTextHtml(html) : '';
  return <div id={id} className={compact ? 't-richtext t-richtext-compact' : 't-richtext'} data-testid="richtext-view" dangerouslySetInnerHTML={{ __html: clean }} />;
}
