import { useCallback, useEffect, useState } from 'react';
import type { EntityDefinition } from '@tessera/metadata';
import { emptyView, type ListViewState } from './list-query';
import type { RelatedFilter } from './related-filters';
import { useSavedViews } from './use-saved-views';

export type { SavedView } from './use-saved-views';

const key = (userId: string, entity: string) => `tessera.view.${userId}.${entity}`;

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

/**
 * The list's sort/search/filter/page, kept for the tab (opening a record and coming back
 * returns to the same page), plus the views the user saved by name — on the server
 * (`/api/_views`), so they follow the user to any browser.
 */
export function useListView(userId: string, entity: EntityDefinition, related?: readonly RelatedFilter[]) {
  const name = entity['x-name'];
  const [view, setViewState] = useState<ListViewState>(() => read(sessionStorage, key(userId, name), emptyView));
  const views = useSavedViews(userId, entity, related);
  useEffect(() => write(sessionStorage, key(userId, name), view), [userId, name, view]);
  const setView = useCallback((patch: Partial<ListViewState>) => setViewState((v) => ({ ...v, offset: 0, ...patch })), []);
  const save = useCallback((viewName: string) => void views.save(viewName, view), [views, view]);
  const remove = useCallback((viewName: string) => void views.remove(viewName), [views]);
  return { view, setView, saved: views.saved, save, remove, viewsError: views.error, clearViewsError: views.clearError };
}
