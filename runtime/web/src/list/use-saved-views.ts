import { useCallback, useEffect, useState } from 'react';
import type { EntityDefinition } from '@tessera/metadata';
import { viewsApi, type ServerView } from '../api/views-api';
import type { ListViewState } from './list-query';
import type { RelatedFilter } from './related-filters';
import { queryToView, viewToQuery } from './saved-view-query';

export interface SavedView {
  id: string;
  name: string;
  view: ListViewState;
  mine: boolean;
  ownerName?: string;
  problems?: string[];
}

const legacyKey = (userId: string, entity: string) => `tessera.views.${userId}.${entity}`;
const toSaved = (v: ServerView): SavedView => ({ id: v.id, name: v.name, view: queryToView(v.query), mine: v.mine, ownerName: v.ownerName, problems: v.problems });

/**
 * Views kept in this browser before they moved to the server: sent once, then forgotten here.
 * Best effort — a view the server refuses (a field since removed, a name taken) is dropped.
 */
async function migrateLegacy(userId: string, entity: EntityDefinition): Promise<boolean> {
  const key = legacyKey(userId, entity['x-name']);
  let legacy: { name: string; view: ListViewState }[] = [];
  try {
    legacy = JSON.parse(localStorage.getItem(key) ?? '[]') as typeof legacy;
    localStorage.removeItem(key);
  } catch {
    return false;
  }
  if (!Array.isArray(legacy) || legacy.length === 0) return false;
  await Promise.allSettled(legacy.map((s) => viewsApi.create({ entity: entity['x-name'], name: String(s.name).slice(0, 100), query: viewToQuery(entity, { ...s.view, conditions: s.view.conditions ?? [], q: s.view.q ?? '' }) })));
  return true;
}

/**
 * The user's saved views of `entity`, on the server (`/api/_views`), plus views others shared.
 * `related`: the related fields the builder offers, so a row over one is saved as its path.
 */
export function useSavedViews(userId: string, entity: EntityDefinition, related?: readonly RelatedFilter[]) {
  const name = entity['x-name'];
  const [saved, setSaved] = useState<SavedView[]>([]);
  const [error, setError] = useState<string>();

  const reload = useCallback(async () => {
    try {
      setSaved((await viewsApi.list(name)).map(toSaved));
    } catch (e) {
      setError((e as Error).message);
    }
  }, [name]);

  useEffect(() => {
    let live = true;
    void (async () => {
      await migrateLegacy(userId, entity);
      if (live) await reload();
    })();
    return () => { live = false; };
  }, [userId, entity, reload]);

  const save = useCallback(async (viewName: string, view: ListViewState) => {
    setError(undefined);
    const query = viewToQuery(entity, view, related);
    const existing = saved.find((s) => s.mine && s.name === viewName);
    try {
      if (existing) await viewsApi.update(existing.id, { query });
      else await viewsApi.create({ entity: name, name: viewName, query });
      await reload();
    } catch (e) {
      setError((e as Error).message);
    }
  }, [entity, name, saved, reload, related]);

  const remove = useCallback(async (viewName: string) => {
    setError(undefined);
    const existing = saved.find((s) => s.mine && s.name === viewName);
    if (!existing) return;
    setSaved((list) => list.filter((s) => s !== existing)); // optimistic; put back on failure
    try {
      await viewsApi.remove(existing.id);
    } catch (e) {
      setError((e as Error).message);
      await reload();
    }
  }, [saved, reload]);

  return { saved, save, remove, error, clearError: () => setError(undefined) };
}
