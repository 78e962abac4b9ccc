import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { RICH_TEXT_ATTRIBUTES, RICH_TEXT_SCHEMES, RICH_TEXT_TAGS } from '@tessera/engine/rich-text';

/**
 * DOMPurify set to the allow-list the server's sanitizer uses (`@tessera/engine/rich-text`):
 * the same tags, attributes per tag, and link schemes (DOMPurify's own rule lets images keep
 * inline `data:` pictures, as the server does). The server already cleaned what it stored; the
 * browser cleans again because stored HTML may predate that, or come from a plugin or an import.
 */
const CONFIG: Config = {
  ALLOWED_TAGS: [...RICH_TEXT_TAGS],
  ALLOWED_ATTR: [...new Set(Object.values(RICH_TEXT_ATTRIBUTES).flat())],
  // DOMPurify's default URI rule with only our schemes: relative links, and http(s)/mailto/tel.
  ALLOWED_URI_REGEXP: new RegExp(`^(?:(?:${RICH_TEXT_SCHEMES.join('|')}):|[^a-z]|[a-z+.-]+(?:[^a-z+.\\-:]|$))`, 'i'),
  ALLOW_DATA_ATTR: false,
};

let purifier: Purifier | undefined;

/** One instance of our own (hooks on DOMPurify's shared one would reach any other user of it). */
function instance(): Purifier {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  // Attributes are allowed per tag (an href on a link, not on a paragraph).
  p.addHook('uponSanitizeAttribute', (node, data) => {
    const tag = node.nodeName.toLowerCase();
    if (!(RICH_TEXT_ATTRIBUTES[tag] ?? []).includes(data.attrName) && !(RICH_TEXT_ATTRIBUTES['*'] ?? []).includes(data.attrName)) data.keepAttr = false;
  });
  // A link opening a new tab must not hand the CRM's window to the page it opens.
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') node.setAttribute('rel', 'noopener noreferrer');
  });
  purifier = p;
  return p;
}

/** Stored rich text as HTML safe to put into the page: nothing that runs survives. */
export function sanitizeRichTextHtml(html: string): string {
  return instance().sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
}
