import type { ActionDefinition, GuardDefinition } from './workflow-types';
import { builtinActions } from './builtin-actions';
import { builtinGuards } from './builtin-guards';
import { createChannelRegistry, type ChannelRegistry } from './channel-registry';

/* eslint-disable @typescript-eslint/no-explicit-any -- params are checked against each definition's schema at publish */
type AnyGuard = GuardDefinition<any>;
type AnyAction = ActionDefinition<any>;

export interface WorkflowRegistry {
  guards: { register(def: AnyGuard): void; get(name: string): AnyGuard | undefined; list(): AnyGuard[] };
  actions: { register(def: AnyAction): void; get(name: string): AnyAction | undefined; list(): AnyAction[] };
  /** Notification channels the notify action may name (issue 9); `inApp` is always there. */
  channels: ChannelRegistry;
}

function table<T extends { name: string }>(kind: string, initial: readonly T[]) {
  const byName = new Map<string, T>();
  const register = (def: T) => {
    // Loud: a second definition under one name would make a workflow mean two things.
    if (byName.has(def.name)) throw new Error(`The workflow ${kind} "${def.name}" is already registered`);
    byName.set(def.name, def);
  };
  initial.forEach(register);
  return { register, get: (name: string) => byName.get(name), list: () => [...byName.values()] };
}

/** Guards and actions by name. Built-ins go through the same `register` plugins use. */
export function createWorkflowRegistry(guards: readonly AnyGuard[] = builtinGuards, actions: readonly AnyAction[] = builtinActions): WorkflowRegistry {
  return { guards: table('guard', guards), actions: table('action', actions), channels: createChannelRegistry() };
}
