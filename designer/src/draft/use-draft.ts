import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppDefinition } from '@tessera/metadata';
import { mergeApps } from '../model/merge-apps';
import { DraftError, discardServerDraft, fetchDraft, redoDraftChange, saveDraftChange, undoDraftChange, type ServerDraft } from './draft-api';
import { loadDraftState, type LoadedDraft, type Published } from './load-draft';

export type { Published } from './load-draft';

/** Someone else changed the server draft after the revision this browser edited. */
export interface DraftConflict {
  by: string | null;
  at: string | null;
  discarded: boolean;
}

type DraftMeta = Omit<ServerDraft, 'app'>;

// Other implementers' changes show up without a reload, at this pace (one small read while idle).
const POLL_MS = 10_000;

/**
 * The draft app, kept on the server (ADR 0038): every edit is saved as a step on top of the
 * revision this browser last saw, undo/redo are the server's (shared, surviving reloads), and
 * a save refused as stale becomes a conflict the user resolves by merging or reloading.
 * Edits show at once; saves go out one after another in edit order. Ctrl+Z / Ctrl+Shift+Z
 * (or Ctrl+Y) undo and redo, except while typing in a field (the browser's own text undo).
 */
export function useDraft() {
  const [published, setPublished] = useState<Published>();
  const [present, setPresent] = useState<AppDefinition>();
  const [meta, setMeta] = useState<DraftMeta>();
  const [conflict, setConflict] = useState<DraftConflict>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const revision = useRef(0);
  // The app as the server has it at `revision`: the merge base when a save turns out stale.
  const confirmed = useRef<AppDefinition | undefined>(undefined);
  const latest = useRef<AppDefinition | undefined>(undefined);
  const base = useRef<Published | undefined>(undefined);
  const stale = useRef(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const steps = useRef({ canUndo: false, canRedo: false });

  const show = useCallback((app: AppDefinition) => { latest.current = app; setPresent(app); }, []);
  /** Takes the server's word: its revision, its app (or the published one when there is no draft). */
  const adopt = useCallback((server: ServerDraft) => {
    revision.current = server.revision;
    const app = server.app ?? base.current?.app;
    confirmed.current = app;
    if (app) show(app);
    setMeta(server);
    steps.current = { canUndo: server.canUndo, canRedo: server.canRedo };
  }, [show]);

  /** Runs server calls one at a time, in order; a stale answer stops further saves until resolved. */
  const enqueue = useCallback((work: () => Promise<void>, quiet = false) => {
    if (!quiet) {
      pending.current += 1;
      setSaving(true);
    }
    queue.current = queue.current.then(async () => {
      try {
        if (!stale.current) await work();
      } catch (e) {
        if (e instanceof DraftError && e.stale) {
          stale.current = true;
          // Who and when, from the draft itself: shown in the user's language, not the server's sentence.
          const now = await fetchDraft().catch(() => undefined);
          setConflict({ by: now?.updatedBy?.displayName ?? null, at: now?.updatedAt ?? null, discarded: now?.lastAction === 'discard' });
        } else setError((e as Error).message);
      } finally {
        if (!quiet) {
          pending.current -= 1;
          if (!pending.current) setSaving(false);
        }
      }
    });
    return queue.current;
  }, []);

  const open = useCallback((loaded: LoadedDraft) => {
    base.current = loaded.published;
    stale.current = false;
    setConflict(undefined);
    setError(undefined);
    setPublished(loaded.published);
    adopt(loaded.server);
  }, [adopt]);

  /** Loads the live app and the server draft; `keep` is saved as the draft on top of the live version. */
  const load = useCallback(async (keep?: AppDefinition): Promise<LoadedDraft> => {
    const loaded = await loadDraftState(keep);
    open(loaded);
    return loaded;
  }, [open]);

  const edit = useCallback((next: AppDefinition) => {
    if (next === latest.current) return;
    show(next);
    void enqueue(async () => {
      const saved = await saveDraftChange(revision.current, base.current!.version, next);
      revision.current = saved.revision;
      confirmed.current = next;
      setMeta(saved);
      steps.current = { canUndo: saved.canUndo, canRedo: saved.canRedo };
    });
  }, [enqueue, show]);
  // The shortcuts call these whatever the buttons show: with nothing to undo or redo they do nothing.
  const undo = useCallback(() => { if (steps.current.canUndo || pending.current) void enqueue(async () => { if (steps.current.canUndo) adopt(await undoDraftChange(revision.current)); }); }, [enqueue, adopt]);
  const redo = useCallback(() => { if (steps.current.canRedo || pending.current) void enqueue(async () => { if (steps.current.canRedo) adopt(await redoDraftChange(revision.current)); }); }, [enqueue, adopt]);
  const discard = useCallback(() => enqueue(async () => adopt(await discardServerDraft(revision.current))), [enqueue, adopt]);

  /** After a publish of this draft: the draft is done (another implementer's newer change stays). */
  const published_ = useCallback(async (version: number, app: AppDefinition) => {
    base.current = { version, app };
    setPublished(base.current);
    await enqueue(async () => {
      const after = await discardServerDraft(revision.current).catch(() => undefined);
      if (after) adopt(after);
    });
  }, [enqueue, adopt]);

  /** The merge of a publish conflict becomes the draft on top of the live version. */
  const rebase = useCallback(async (live: Published, merged: AppDefinition) => {
    await enqueue(async () => {
      const saved = await saveDraftChange(revision.current, live.version, merged);
      base.current = live;
      setPublished(live);
      adopt({ ...saved, app: merged });
    });
  }, [enqueue, adopt]);

  /** Resolves a stale save: my changes merged three ways with the server draft (mine win where both changed). */
  const mergeWithServer = useCallback(async (): Promise<number> => {
    const theirs = await fetchDraft();
    const mergeBase = confirmed.current!;
    const { app, conflicts } = mergeApps(mergeBase, latest.current!, theirs.app ?? base.current!.app);
    const saved = await saveDraftChange(theirs.revision, base.current!.version, app);
    stale.current = false;
    setConflict(undefined);
    adopt({ ...saved, app });
    return conflicts.length;
  }, [adopt]);

  /** Resolves a stale save by dropping this browser's unsaved changes for the server draft. */
  const reloadFromServer = useCallback(async () => {
    const theirs = await fetchDraft();
    stale.current = false;
    setConflict(undefined);
    adopt(theirs);
  }, [adopt]);

  // Another implementer's change arrives while this browser is idle (revisions only grow).
  useEffect(() => {
    if (!published) return;
    const timer = window.setInterval(() => {
      if (pending.current || stale.current || document.hidden) return;
      void enqueue(async () => {
        const server = await fetchDraft().catch(() => undefined); // a missed look is retried next time
        if (server && server.revision > revision.current) adopt(server);
      }, true);
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [published, enqueue, adopt]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  return {
    published,
    draft: present,
    canUndo: Boolean(meta?.canUndo) && !conflict,
    canRedo: Boolean(meta?.canRedo) && !conflict,
    /** There is a server draft (which Discard clears). */
    hasDraft: Boolean(meta && meta.baseVersion !== null),
    dirty: Boolean(published && present && JSON.stringify(present) !== JSON.stringify(published.app)),
    updatedBy: meta?.updatedBy ?? null,
    updatedAt: meta?.updatedAt ?? null,
    saving,
    conflict,
    error,
    load,
    edit,
    undo,
    redo,
    discard,
    afterPublish: published_,
    rebase,
    mergeWithServer,
    reloadFromServer,
  };
}
