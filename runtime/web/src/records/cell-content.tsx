import { lazy, Suspense } from 'react';
import type { Cell } from './cell-value';

// The sanitizer (DOMPurify and the allow-list) loads with the first rich-text cell, not with the list.
const RichTextView = lazy(() => import('../field-types/rich-text-view').then((m) => ({ default: m.RichTextView })));

/**
 * A cell: plain text, rich text (sanitized HTML), or a link to the record a reference names. The click stays on the link, so a
 * table row that opens its own record on click does not open it as well.
 */
export function CellContent({ cell, plain = false }: { cell: Cell; plain?: boolean }) {
  // Until then the cell shows the words (plain text, escaped by React): never the HTML unsanitized.
  if (cell.html !== undefined) return <Suspense fallback={<>{cell.text}</>}><RichTextView html={cell.html} compact /></Suspense>;
  // `plain`: the row itself opens the record (the list), so a reference is its text, not a link.
  if (!cell.href || plain) return <>{cell.text}</>;
  return <a href={cell.href} className="t-cell-link" onClick={(e) => e.stopPropagation()}>{cell.text}</a>;
}
