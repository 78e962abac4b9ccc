import sanitizeHtml from 'sanitize-html';
import { RICH_TEXT_ATTRIBUTES, RICH_TEXT_IMAGE_SCHEMES, RICH_TEXT_SCHEMES, RICH_TEXT_TAGS } from './rich-text-allow-list';

/**
 * What a rich-text field may hold: formatting, lists, tables, links and images, nothing that
 * runs (script, style, event handlers, javascript: URLs). Server-only: reached through
 * `@tessera/engine/server`, never the browser entry.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  // The allow-list the browser's DOMPurify uses too (rich-text-allow-list.ts).
  allowedTags: [...RICH_TEXT_TAGS],
  allowedAttributes: Object.fromEntries(Object.entries(RICH_TEXT_ATTRIBUTES).map(([tag, attrs]) => [tag, [...attrs]])),
  allowedSchemes: [...RICH_TEXT_SCHEMES],
  allowedSchemesByTag: { img: [...RICH_TEXT_IMAGE_SCHEMES] },
  // Links opening a new tab must not hand the CRM's window to the target page.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

/** HTML safe to store and render; non-strings (null) pass through. */
export function sanitizeRichText(value: unknown): unknown {
  return typeof value === 'string' ? sanitizeHtml(value, OPTIONS) : value;
}
