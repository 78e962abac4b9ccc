import type { AppDefinition, LocalizedText } from '@tessera/metadata';
import type { ApprovalDetail } from '../api/inbox-api';
import { localize } from '../meta/localize';

interface StepConfig { id: string; label?: LocalizedText }

/** The steps an entity's approval chains declare (every state of its workflows that has one). */
function stepsOf(app: AppDefinition, entity: string): StepConfig[] {
  return (app.workflows ?? []).filter((w) => w.entity === entity).flatMap((w) =>
    Object.values(w.machine.states ?? {}).flatMap((state) => ((state as { approval?: { steps?: StepConfig[] } }).approval?.steps ?? [])));
}

/** A step's label from the workflow metadata, in the UI language; its id when it has none. */
export function stepLabel(app: AppDefinition, entity: string, step: string, locale: string): string {
  const found = stepsOf(app, entity).find((s) => s.id === step);
  return found?.label ? localize(found.label, locale) : step;
}

export type ReturnTarget = { kind: 'end' } | { kind: 'submitter' } | { kind: 'step'; step: string };

/**
 * Where a reject may send the chain (the engine's rule): end it, back to the submitter, or
 * back to a step before the current one.
 */
export function returnTargets(detail: Pick<ApprovalDetail, 'step' | 'steps'> | undefined): ReturnTarget[] {
  const targets: ReturnTarget[] = [{ kind: 'end' }, { kind: 'submitter' }];
  if (!detail?.step) return targets;
  const current = detail.steps.findIndex((s) => s.id === detail.step);
  return [...targets, ...detail.steps.slice(0, Math.max(current, 0)).map((s): ReturnTarget => ({ kind: 'step', step: s.id }))];
}

/** The `to` of the reject body for a target (none: the chain ends rejected). */
export const rejectTo = (target: ReturnTarget): string | undefined => (target.kind === 'submitter' ? 'submitter' : target.kind === 'step' ? target.step : undefined);
