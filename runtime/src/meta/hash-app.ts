import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so two equal definitions hash alike whatever the key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha256 of the app's canonical JSON: what tells "the files changed" from "they did not". */
export function hashApp(app: unknown): string {
  return createHash('sha256').update(stableStringify(app)).digest('hex');
}
