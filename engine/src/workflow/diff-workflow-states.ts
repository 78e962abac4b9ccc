import type { AppDefinition, WorkflowDefinition } from '@tessera/metadata';
import { isDateTimer } from './date-timers';

/** What a publish changes for the records in flight of one workflow (issue 6). */
export interface WorkflowStateDiff {
  /** `x-name` of the entity whose records the workflow moves. */
  entity: string;
  /** The new definition's name (history rows carry it). */
  workflow: string;
  /** The state field, named as in the new definition. */
  stateField: string;
  /** States of the old definition the new one no longer has: their records need a mapping. */
  removed: string[];
  /** Kept states that gained `after` delays: their records get the new timers armed at publish. */
  newTimers: { state: string; delays: number[] }[];
  /** Every state of the new definition (the targets a mapping may name). */
  states: string[];
}

/** `{ entity: { removed state: state of the new definition } }`, as sent with a publish. */
export type StateMappings = Record<string, Record<string, string>>;

/** One wrong mapping, as a request detail (`stateMappings.<entity>.<state>`). */
export interface StateMappingProblem {
  field: string;
  rule: 'unknown-workflow' | 'state-kept' | 'unknown-state';
  message: string;
}

/** The state field's stable id: a workflow is "the same" across versions when it drives the same field. */
function stateFieldId(app: AppDefinition, wf: WorkflowDefinition): string | undefined {
  return app.entities.find((e) => e['x-name'] === wf.entity)?.properties[wf.stateField]?.['x-id'];
}

/**
 * Compares each entity's workflow in `from` (the published version) and `to` (the change): the
 * states that disappeared and the kept states with new timers. Workflows that are new, removed,
 * or bound to another field have no records in flight to carry over and are left out.
 */
export function diffWorkflowStates(from: AppDefinition | null | undefined, to: AppDefinition): WorkflowStateDiff[] {
  const diffs: WorkflowStateDiff[] = [];
  for (const next of to.workflows ?? []) {
    // The same workflow by name; a renamed one by its entity, while the entity runs only one.
    const prev = from?.workflows?.find((w) => w.name === next.name) ?? (from?.workflows?.filter((w) => w.entity === next.entity).length === 1 ? from.workflows.find((w) => w.entity === next.entity) : undefined);
    if (!from || !prev) continue;
    const fieldId = stateFieldId(to, next);
    if (!fieldId || fieldId !== stateFieldId(from, prev)) continue;
    const states = next.machine.states;
    const removed = Object.keys(prev.machine.states).filter((s) => !Object.hasOwn(states, s));
    const newTimers = Object.entries(states).flatMap(([state, config]) => {
      const old = prev.machine.states[state];
      if (!old) return [];
      // Date timers (`since`) are never armed: the sweep finds their records by the date.
      const before = new Set(Object.entries(old.after ?? {}).filter(([, t]) => !isDateTimer(t)).map(([ms]) => ms));
      const delays = Object.entries(config.after ?? {}).filter(([ms, t]) => !isDateTimer(t) && !before.has(ms)).map(([ms]) => Number(ms));
      return delays.length > 0 ? [{ state, delays }] : [];
    });
    if (removed.length === 0 && newTimers.length === 0) continue;
    diffs.push({ entity: next.entity, workflow: next.name, stateField: next.stateField, removed, newTimers, states: Object.keys(states) });
  }
  return diffs;
}

/**
 * Checks the implementer's mappings against the diffs: each names an entity whose workflow
 * lost states, a state it lost, and a state of the new definition. Every problem at once.
 */
export function checkStateMappings(diffs: readonly WorkflowStateDiff[], mappings: StateMappings, to: AppDefinition): StateMappingProblem[] {
  const problems: StateMappingProblem[] = [];
  for (const [entity, byState] of Object.entries(mappings)) {
    const wf = (to.workflows ?? []).find((w) => w.entity === entity);
    const diff = diffs.find((d) => d.entity === entity);
    if (!wf) {
      problems.push({ field: `stateMappings.${entity}`, rule: 'unknown-workflow', message: `the entity "${entity}" has no workflow in the new definition, so it has no states to map` });
      continue;
    }
    const states = Object.keys(wf.machine.states);
    for (const [old, target] of Object.entries(byState)) {
      const field = `stateMappings.${entity}.${old}`;
      if (!diff?.removed.includes(old)) {
        problems.push({ field, rule: 'state-kept', message: Object.hasOwn(wf.machine.states, old) ? `"${old}" is still a state of the workflow "${wf.name}"; its records stay in it` : `"${old}" was not a state of the published workflow "${wf.name}"` });
      } else if (!Object.hasOwn(wf.machine.states, target)) {
        problems.push({ field, rule: 'unknown-state', message: `maps to "${target}", which is not a state of the new workflow "${wf.name}" (states: ${states.join(', ')})` });
      }
    }
  }
  return problems;
}
