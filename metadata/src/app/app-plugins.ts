import type { AppPluginEntry } from './app-types';

/**
 * app.json `plugins` entries are a name or `{ name, settings }` (ADR 0024). Everything that
 * only needs the names reads them here, so a `{ name }` entry never reaches code that expects
 * a string. Lenient on purpose: it also reads unvalidated app.json (a bad entry is skipped;
 * validateApp reports it).
 */
export function appPluginNames(plugins: readonly unknown[] | undefined): string[] {
  return (plugins ?? []).map(nameOf).filter((n): n is string => n !== undefined);
}

/** The initial settings app.json gives, by plugin name; plugins listed by name alone have none. */
export function appPluginSettings(plugins: readonly AppPluginEntry[] | undefined): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const entry of plugins ?? []) {
    if (typeof entry === 'object' && entry !== null && entry.settings !== undefined) out.set(entry.name, entry.settings);
  }
  return out;
}

function nameOf(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry === '' ? undefined : entry;
  const name = typeof entry === 'object' && entry !== null ? (entry as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name !== '' ? name : undefined;
}
