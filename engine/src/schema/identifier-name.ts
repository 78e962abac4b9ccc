/** PostgreSQL truncates identifiers past NAMEDATALEN - 1 bytes, silently; we never rely on it. */
export const MAX_IDENTIFIER_BYTES = 63;

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/** FNV-1a, 32 bit: stable across runs and platforms, and needs no node:crypto in the browser. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * `{parts joined by _}_{suffix}` when it fits in 63 bytes; otherwise a prefix of it plus a
 * hash of the full name, so distinct long names stay distinct and the result is stable.
 */
export function identifierName(parts: readonly string[], suffix: string): string {
  const full = `${parts.join('_')}_${suffix}`;
  if (byteLength(full) <= MAX_IDENTIFIER_BYTES) return full;
  const tail = `_${fnv1a(full)}_${suffix}`;
  let head = full.slice(0, MAX_IDENTIFIER_BYTES - byteLength(tail));
  // Multi-byte characters: cut until the whole name fits.
  while (byteLength(head + tail) > MAX_IDENTIFIER_BYTES) head = head.slice(0, -1);
  return head + tail;
}
