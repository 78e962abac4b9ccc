import { useCallback, useEffect, useState } from 'react';
import type { AppDefinition } from '@tessera/metadata';
import { pushDraft, redoDraft, startHistory, undoDraft, type DraftHistory } from '../model/draft-history';
import { loadDraft, saveDraft } from '../model/draft-storage';

export interface Published {
  version: number;
  app: AppDefinition;
}

/**
 * The draft app with undo/redo, saved to localStorage on every change (per app + base version)
 * and restored on load. Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo, except while typing
 * in a field, where the browser's own text undo is what the user means.
 */
export function useDraft(published: Published | undefined) {
  const [history, setHistory] = useState<DraftHistory>();

  const reset = useCallback((base: Published, app?: AppDefinition) => {
    setHistory(startHistory(app ?? loadDraft(base.app.name, base.version) ?? base.app));
  }, []);
  useEffect(() => { if (published) reset(published); }, [published, reset]);

  const present = history?.present;
  useEffect(() => {
    if (!published || !present) return;
    saveDraft(published.app.name, published.version, present === published.app ? undefined : present);
  }, [published, present]);

  const edit = useCallback((next: AppDefinition) => setHistory((h) => (h ? pushDraft(h, next) : h)), []);
  const undo = useCallback(() => setHistory((h) => (h ? undoDraft(h) : h)), []);
  const redo = useCallback(() => setHistory((h) => (h ? redoDraft(h) : h)), []);

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
    draft: present,
    canUndo: Boolean(history?.past.length),
    canRedo: Boolean(history?.future.length),
    dirty: Boolean(published && present && JSON.stringify(present) !== JSON.stringify(published.app)),
    edit,
    undo,
    redo,
    reset,
  };
}
