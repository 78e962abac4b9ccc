import type { GuardDefinition } from './workflow-types';

/** Declares a workflow guard (built-in or plugin); returns its argument, typed. */
export function defineGuard<P = Record<string, unknown>>(def: GuardDefinition<P>): GuardDefinition<P> {
  return def;
}
