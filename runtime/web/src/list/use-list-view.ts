import { useCallback, useEffect, useState } from 'react';
import { emptyView, type ListViewState } from './list-query';

const key = (userId: string, entity: string) => `tessera.view.${userId}.${entity}`;
const savedKey = (userId: string, entity: string) => `tessera.views.${userId}.${entity}`;

function read<T>(storage: Storage, k: string, fallback: T): T {
  try {
    const raw = storage.getItem(k);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}
function write(storage: Storage, k: string, value: unknown): void {
  try { storage.setItem(k, JSON.stringify(value)); } catch { /* storage full or disabled: the view lasts this page only */ }
}

export interface SavedView { name: string; view: ListViewState }

/**
 * The list's sort/search/filter/page, kept for the tab (opening a record and coming back
 * returns to the same page), plus the views the user saved by name (per user and entity, in
 * this browser; server-side saved views are a follow-up).
 */
export function useListView(userId: string, entity: string) {
  const [view, setViewState] = useState<ListViewState>(() => read(sessionStorage, key(userId, entity), emptyView));
  const [saved, setSaved] = useState<SavedView[]>(() => read(localStorage, savedKey(userId, entity), []));
  useEffect(() => write(sessionStorage, key(userId, entity), view), [userId, entity, view]);
  const setView = useCallback((patch: Partial<ListViewState>) => setViewState((v) => ({ ...v, offset: 0, ...patch })), []);
  const save = useCallback((name: string) => {
    setSaved((list) => {
      const next = [...list.filter((s) => s.name !== name), { name, view: { ...view, offset: 0 } }];
      write(localStorage, savedKey(userId, entity), next);
      return next;
    });
  }, [userId, entity, view]);
  const remove = useCallback((name: string) => {
    setSaved((list) => {
      const next = list.filter((s) => s.name !== name);
      write(localStorage, savedKey(userId, entity), next);
      return next;
    });
  }, [userId, entity]);
  return { view, setView, saved, save, remove };
}
