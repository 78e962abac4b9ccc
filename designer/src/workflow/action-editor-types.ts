import type { ComponentType } from 'react';
import type { EntityDefinition } from '@tessera/metadata';

/** What an action editor may pick from besides its own params. */
export interface ActionEditorContext {
  /** The workflow's entity (the record the action runs on); absent when the draft no longer has it. */
  source?: EntityDefinition;
  /** The app's entities, for actions that name another entity. */
  entities: readonly EntityDefinition[];
  roles: string[];
  channels: string[];
  /** The `as` names of the createRecord actions before this one in the same list (what `$created` may name). */
  created?: string[];
}

export interface ActionEditorProps<S> {
  /** The prefix of the editor's test ids (`transition-action-0`). */
  id: string;
  state: S;
  context: ActionEditorContext;
  onChange: (next: S) => void;
}

/**
 * One built-in action's editor: the form a person fills in, and the pure model between the
 * action's params and what the form shows. `toParams(toState(p))` gives `p` back for every valid
 * `p` (action-editors.test.ts checks it over each action's params schema), so opening an action
 * and editing one field never drops another.
 */
export interface ActionEditor<P, S> {
  toState: (params: Partial<P>) => S;
  toParams: (state: S) => Partial<P>;
  Editor: ComponentType<ActionEditorProps<S>>;
}

/** Declares an action editor; returns its argument, typed. */
export function defineActionEditor<P, S>(editor: ActionEditor<P, S>): ActionEditor<P, S> {
  return editor;
}

/** Drops the keys whose value is undefined, so an emptied control leaves no `"key": null` behind. */
export function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
