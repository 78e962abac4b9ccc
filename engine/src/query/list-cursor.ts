import type { SortKey } from './query-types';

/**
 * Keyset cursors: opaque base64url of the last row's sort-key values (as PostgreSQL text,
 * so timestamps keep their microseconds) and the sort they belong to. The sort signature
 * makes a cursor from one ordering useless for another instead of silently skipping rows.
 */
interface CursorPayload {
  s: string;
  v: (string | null)[];
}

export const sortSignature = (sort: readonly SortKey[]) => sort.map((k) => (k.direction === 'desc' ? '-' : '') + k.field.path).join(',');

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return undefined;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

export function encodeCursor(sort: readonly SortKey[], values: readonly (string | null)[]): string {
  return toBase64Url(JSON.stringify({ s: sortSignature(sort), v: [...values] } satisfies CursorPayload));
}

/** The raw values of a cursor made for `sort`, or an error message. Values are checked by the caller. */
export function decodeCursor(encoded: string, sort: readonly SortKey[]): { ok: true; values: (string | null)[] } | { ok: false; message: string } {
  const text = encoded.length <= 4096 ? fromBase64Url(encoded) : undefined;
  let payload: unknown;
  try {
    payload = text === undefined ? undefined : JSON.parse(text);
  } catch {
    payload = undefined;
  }
  const p = payload as Partial<CursorPayload> | undefined;
  if (!p || typeof p !== 'object' || typeof p.s !== 'string' || !Array.isArray(p.v) || !p.v.every((v) => v === null || typeof v === 'string')) {
    return { ok: false, message: 'is not a cursor this API issued' };
  }
  if (p.s !== sortSignature(sort) || p.v.length !== sort.length) {
    return { ok: false, message: 'was issued for a different sort; send the same sort as the first page' };
  }
  return { ok: true, values: p.v };
}

/** Column aliases under which listQueryToSql selects the sort keys as text. */
export const cursorColumn = (index: number) => `_cursor_${index}`;

/** The cursor of the page after `row` (a row as listQueryToSql selects it). */
export function cursorFromRow(row: Record<string, unknown>, sort: readonly SortKey[]): string {
  return encodeCursor(
    sort,
    sort.map((_, i) => {
      const value = row[cursorColumn(i)];
      return value === null || value === undefined ? null : String(value);
    }),
  );
}
