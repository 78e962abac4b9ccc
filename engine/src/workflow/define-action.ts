import type { ActionDefinition } from './workflow-types';

/** Declares a workflow action (built-in or plugin); returns its argument, typed. */
export function defineAction<P = Record<string, unknown>>(def: ActionDefinition<P>): ActionDefinition<P> {
  return def;
}
