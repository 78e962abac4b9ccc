import type { AppDefinition } from '@tessera/metadata';

/** Undo/redo over whole app drafts: each edit pushes the previous app (apps are immutable values). */
export interface DraftHistory {
  past: AppDefinition[];
  present: AppDefinition;
  future: AppDefinition[];
}

// Enough for a long session; older steps fall off so memory stays bounded.
const MAX_STEPS = 100;

export const startHistory = (app: AppDefinition): DraftHistory => ({ past: [], present: app, future: [] });

/** Records an edit; a new edit after undo discards the redo branch, as editors do. */
export function pushDraft(history: DraftHistory, next: AppDefinition): DraftHistory {
  if (next === history.present) return history;
  return { past: [...history.past, history.present].slice(-MAX_STEPS), present: next, future: [] };
}

export function undoDraft(history: DraftHistory): DraftHistory {
  const previous = history.past[history.past.length - 1];
  if (!previous) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redoDraft(history: DraftHistory): DraftHistory {
  const [next, ...rest] = history.future;
  if (!next) return history;
  return { past: [...history.past, history.present], present: next, future: rest };
}
