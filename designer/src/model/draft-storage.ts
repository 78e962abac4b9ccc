import type { AppDefinition } from '@tessera/metadata';

/**
 * Unpublished work kept in localStorage per app and base version, so a reload does not lose it.
 * Keyed by the base version: a draft made against v3 is offered again only while v3 is live
 * (after someone else publishes, the conflict path decides what happens to it).
 */
const key = (appName: string, baseVersion: number) => `tessera.draft.${appName}.v${baseVersion}`;

export function loadDraft(appName: string, baseVersion: number): AppDefinition | undefined {
  try {
    const text = localStorage.getItem(key(appName, baseVersion));
    return text ? (JSON.parse(text) as AppDefinition) : undefined;
  } catch {
    return undefined; // storage disabled or corrupt: start from the published app
  }
}

export function saveDraft(appName: string, baseVersion: number, app: AppDefinition | undefined): void {
  try {
    if (app) localStorage.setItem(key(appName, baseVersion), JSON.stringify(app));
    else localStorage.removeItem(key(appName, baseVersion));
  } catch { /* storage full or disabled: the draft lasts this page only */ }
}

/** Any draft of `appName`, whatever its base: what "reload and re-apply my draft" re-applies. */
export function latestDraft(appName: string): { baseVersion: number; app: AppDefinition } | undefined {
  try {
    let best: { baseVersion: number; app: AppDefinition } | undefined;
    for (let i = 0; i < localStorage.length; i++) {
      const match = /^tessera\.draft\.(.+)\.v(\d+)$/.exec(localStorage.key(i) ?? '');
      if (!match || match[1] !== appName) continue;
      const baseVersion = Number(match[2]);
      if (!best || baseVersion > best.baseVersion) best = { baseVersion, app: JSON.parse(localStorage.getItem(localStorage.key(i)!)!) as AppDefinition };
    }
    return best;
  } catch {
    return undefined;
  }
}
