import sanitizeHtml from 'sanitize-html';

/**
 * What a rich-text field may hold: formatting, lists, tables, links and images, nothing that
 * runs (script, style, event handlers, javascript: URLs). Server-only: reached through
 * `@tessera/engine/server`, never the browser entry.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'span', 'del', 's', 'u'],
  allowedAttributes: {
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    '*': ['class'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  // Links opening a new tab must not hand the CRM's window to the target page.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

/** HTML safe to store and render; non-strings (null) pass through. */
export function sanitizeRichText(value: unknown): unknown {
  return typeof value === 'string' ? sanitizeHtml(value, OPTIONS) : value;
}
