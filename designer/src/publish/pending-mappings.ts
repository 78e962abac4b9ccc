import type { AppDefinition } from '@tessera/metadata';

type Mappings = Record<string, Record<string, string | null>>;

/**
 * Value mappings chosen in the field editor for a type change (select → number: low → 1),
 * kept until publish: they are migration choices, not metadata (ADR 0035). Kept in
 * localStorage per app, like the draft, so a reload does not lose them.
 */
const key = (appName: string) => `tessera.mappings.${appName}`;

function read(appName: string): Mappings {
  try {
    const text = localStorage.getItem(key(appName));
    return text ? (JSON.parse(text) as Mappings) : {};
  } catch {
    return {};
  }
}

export function setPendingMapping(appName: string, fieldId: string, mapping: Record<string, string | null> | undefined): void {
  const { [fieldId]: _old, ...rest } = read(appName);
  const next = mapping && Object.keys(mapping).length ? { ...rest, [fieldId]: mapping } : rest;
  try { localStorage.setItem(key(appName), JSON.stringify(next)); } catch { /* storage disabled: the mapping lasts until reload */ }
}

export function clearPendingMappings(appName: string): void {
  try { localStorage.removeItem(key(appName)); } catch { /* nothing kept */ }
}

const fieldTypes = (app: AppDefinition) => new Map(app.entities.flatMap((e) => Object.values(e.properties).map((f) => [f['x-id'], f['x-type']] as const)));

/** The mappings that still apply: fields whose type differs between the published app and the draft. */
export function pendingMappings(published: AppDefinition, draft: AppDefinition): Mappings | undefined {
  const before = fieldTypes(published);
  const after = fieldTypes(draft);
  const kept = Object.entries(read(draft.name)).filter(([id]) => before.has(id) && after.has(id) && before.get(id) !== after.get(id));
  return kept.length ? Object.fromEntries(kept) : undefined;
}

/** The mapping pending for one field (what the field editor shows again when reopened). */
export const pendingMapping = (appName: string, fieldId: string): Record<string, string | null> | undefined => read(appName)[fieldId];
