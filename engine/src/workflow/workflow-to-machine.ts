import type { WorkflowDefinition } from '@tessera/metadata';
import { setup, type AnyStateMachine } from 'xstate';
import type { WorkflowRegistry } from './workflow-registry';
import type { WorkflowContext } from './workflow-types';

/** A workflow ready to answer "what may happen now" and "what happens on this event". */
export interface CompiledWorkflow {
  definition: WorkflowDefinition;
  machine: AnyStateMachine;
  registry: WorkflowRegistry;
  /** The machine id xstate uses in timer event names (`xstate.after.<ms>.<id>.<state>`). */
  machineId: string;
}

/** The event xstate raises for an `after` timer of `state`. */
export const timerEventType = (compiled: CompiledWorkflow, state: string, delayMs: number) => `xstate.after.${delayMs}.${compiled.machineId}.${state}`;

type GuardImpl = (args: { context: WorkflowContext; event: { type: string; data?: Record<string, unknown> } }, params: unknown) => boolean;

/**
 * Compiles a workflow into an xstate machine with `setup({ guards, actions })`: the definition
 * stays data, the code is looked up by name in the registry. A name the registry lacks throws
 * here — `validateWorkflow` reports it at publish, so this only fires on a skipped validation.
 */
export function workflowToMachine(definition: WorkflowDefinition, registry: WorkflowRegistry): CompiledWorkflow {
  const guards: Record<string, GuardImpl> = {};
  const actions: Record<string, () => void> = {};
  for (const state of Object.values(definition.machine.states)) {
    for (const t of [...Object.values(state.on ?? {}), ...Object.values(state.after ?? {})]) {
      if (t.guard) {
        const guard = registry.guards.get(t.guard.type);
        if (!guard) throw new Error(`Workflow "${definition.name}" uses the guard "${t.guard.type}", which is not registered`);
        guards[guard.name] = ({ context, event }, params) => guard.evaluate(params ?? {}, { ...context, data: event.data ?? {} });
      }
      for (const a of t.actions ?? []) {
        if (!registry.actions.get(a.type)) throw new Error(`Workflow "${definition.name}" uses the action "${a.type}", which is not registered`);
        // Never executed: transitions are computed with xstate's pure `transition`, and the
        // engine resolves each returned action object into effects (see transition-workflow).
        actions[a.type] = () => undefined;
      }
    }
  }
  const machineId = definition.machine.id ?? definition.name;
  const config = {
    id: machineId,
    initial: definition.machine.initial,
    context: ({ input }: { input: WorkflowContext }) => input,
    states: Object.fromEntries(
      Object.entries(definition.machine.states).map(([name, s]) => {
        const on = s.on ? Object.fromEntries(Object.entries(s.on).map(([event, t]) => [event, { target: t.target, guard: t.guard, actions: t.actions, meta: t.meta }])) : undefined;
        const after = s.after ? Object.fromEntries(Object.entries(s.after).map(([ms, t]) => [ms, { target: t.target, guard: t.guard, actions: t.actions }])) : undefined;
        return [name, { ...(s.type ? { type: s.type } : {}), ...(on ? { on } : {}), ...(after ? { after } : {}) }];
      }),
    ),
  };
  // The config is built from validated metadata; xstate's typed setup cannot see its names.
  const machine = setup({ guards: guards as never, actions: actions as never }).createMachine(config as never) as unknown as AnyStateMachine;
  return { definition, machine, registry, machineId };
}
