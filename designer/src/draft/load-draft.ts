import type { AppDefinition } from '@tessera/metadata';
import { fetchPublishedApp } from '../api/designer-api';
import { fetchVersion } from '../api/meta-api';
import { latestDraft, loadDraft, saveDraft } from '../model/draft-storage';
import { deepEqual } from '../model/merge-apps';
import { discardServerDraft, fetchDraft, saveDraftChange, type ServerDraft } from './draft-api';

export interface Published {
  version: number;
  app: AppDefinition;
}

/** What the designer opens on: the version the draft is based on, and the server draft. */
export interface LoadedDraft {
  published: Published;
  server: ServerDraft;
}

/**
 * Before drafts lived on the server they were kept in this browser's localStorage. One found
 * while the server has none becomes the server draft (on the version it was made against, so
 * a newer live version goes through the merge), and leaves the browser.
 */
async function migrateLocalDraft(live: Published, server: ServerDraft): Promise<ServerDraft> {
  const local = loadDraft(live.app.name, live.version) ? { baseVersion: live.version, app: loadDraft(live.app.name, live.version)! } : latestDraft(live.app.name);
  // While the server has a draft of its own, the local copy stays where it is (never overwritten).
  if (!local || server.app) return server;
  const saved = await saveDraftChange(server.revision, local.baseVersion, local.app);
  saveDraft(live.app.name, local.baseVersion, undefined);
  return { ...saved, app: local.app };
}

/**
 * The live app and the server draft; `keep` (reload and re-apply my draft) is saved as the
 * draft on top of the live version. A draft based on an older version opens on that version,
 * so publishing it takes the conflict path and its three-way merge.
 */
export async function loadDraftState(keep?: AppDefinition): Promise<LoadedDraft> {
  const live = await fetchPublishedApp();
  let server = await migrateLocalDraft(live, await fetchDraft());
  if (keep) server = { ...(await saveDraftChange(server.revision, live.version, keep)), app: keep };
  // A draft that is the live app was published (its discard may not have reached the server).
  if (server.app && server.baseVersion !== live.version && deepEqual(server.app, live.app)) server = await discardServerDraft(server.revision).catch(() => server);
  if (server.app && server.baseVersion && server.baseVersion !== live.version) {
    const base = await fetchVersion(server.baseVersion);
    if (base.ok) return { published: { version: base.value.version, app: base.value.app }, server };
  }
  return { published: live, server };
}
