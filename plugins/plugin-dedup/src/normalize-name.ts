/**
 * Legal-form suffixes that do not tell two companies apart: "Acme Inc." and "ACME" are the same
 * customer to a salesperson. Longest first, so 股份有限公司 is stripped before 有限公司.
 */
const SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '集团', 'co., ltd.', 'co.,ltd.', 'co., ltd', 'co. ltd.', 'co ltd', 'ltd.', 'ltd', 'inc.', 'inc', 'corp.', 'corp', 'llc', 'gmbh'];

/** Full-width ASCII (Ａ, １, （) and the ideographic space become their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Half-width ASCII back to full-width: how a name typed with a Chinese IME may have been stored. */
export function toFullWidth(text: string): string {
  return text.replace(/[\x21-\x7E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/**
 * The comparable core of a company name: half-width, case-folded, whitespace collapsed, with
 * trailing legal-form suffixes (and the punctuation before them) removed, repeatedly
 * ("Acme Holdings Co., Ltd." → "acme holdings").
 */
export function normalizeName(name: string): string {
  let core = toHalfWidth(name).toLowerCase().replace(/\s+/g, ' ').trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (core.length > suffix.length && core.endsWith(suffix)) {
        core = core.slice(0, -suffix.length).replace(/[\s,.，。]+$/, '');
        changed = true;
      }
    }
  }
  return core;
}

/** Phone and email compare without spaces, dashes or case: "138-0000 1234" is "13800001234". */
export function normalizeContact(value: string): string {
  return toHalfWidth(value).toLowerCase().replace(/[\s\-()]/g, '');
}
