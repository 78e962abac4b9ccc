/** Magic numbers of common types, so a renamed .exe cannot pass as a PDF or an image. */
const SIGNATURES: readonly { mime: string; bytes: readonly number[]; offset?: number }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { mime: 'image/webp', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { mime: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { mime: 'application/x-msdownload', bytes: [0x4d, 0x5a] },
  { mime: 'application/x-executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

/** The type the first bytes show, or undefined when they match no known signature (text, CSV…). */
export function sniffMime(head: Uint8Array): string | undefined {
  return SIGNATURES.find(({ bytes, offset = 0 }) => bytes.every((b, i) => head[offset + i] === b))?.mime;
}

const SNIFFABLE = new Set(SIGNATURES.map((s) => s.mime));
// Office documents are zip files: their bytes show zip, which is consistent with the claim.
const ZIP_BASED = /^application\/(zip|vnd\.openxmlformats-|vnd\.oasis\.opendocument\.|epub)/;

/**
 * Whether the bytes agree with the declared type: a known signature must be the declared
 * type (or a zip behind a zip-based format), and a declared sniffable type must show its own.
 */
export function contentMatches(declared: string, head: Uint8Array): boolean {
  const sniffed = sniffMime(head);
  if (sniffed === 'application/zip') return ZIP_BASED.test(declared);
  if (sniffed) return sniffed === declared;
  return !SNIFFABLE.has(declared);
}
