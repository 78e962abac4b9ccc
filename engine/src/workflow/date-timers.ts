import type { WorkflowDelayedTransitionConfig } from '@tessera/metadata';
import { timerEventType, type CompiledWorkflow } from './workflow-to-machine';

/**
 * A timer counted from a date field of the record (`after: { "<ms>": { "since": "<field>" } }`)
 * instead of from entering the state: due `delayMs` after the field's moment. It is not armed
 * on entry; the runtime's sweep fires it for every record in `state` whose moment has passed.
 */
export interface DateTimer {
  state: string;
  delayMs: number;
  /** The date or datetime field the delay counts from. */
  field: string;
  target: string;
  /** The xstate event of the delayed transition (what `fireTimer` sends). */
  event: string;
}

/** Whether a delayed transition counts from a date field rather than from the state entry. */
export const isDateTimer = (t: WorkflowDelayedTransitionConfig | undefined): boolean => typeof t?.since === 'string';

/** Every date timer of a workflow, state by state. */
export function dateTimers(compiled: CompiledWorkflow): DateTimer[] {
  return Object.entries(compiled.definition.machine.states).flatMap(([state, config]) =>
    Object.entries(config.after ?? {})
      .filter(([, t]) => isDateTimer(t))
      .map(([ms, t]) => ({ state, delayMs: Number(ms), field: t.since!, target: t.target, event: timerEventType(compiled, state, Number(ms)) })),
  );
}
