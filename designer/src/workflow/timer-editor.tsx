import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition, WorkflowDefinition, WorkflowDelayedTransitionConfig } from '@tessera/metadata';
import type { RegistryCall } from '../api/meta-api-types';
import { ActionList } from './call-editor';
import { delayMs, splitDelay, type DelayUnit } from './delay';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const TIMER_EDITOR_KEYWORDS = ['workflow.machine.states.*.after'] as const;

const UNITS: DelayUnit[] = ['minutes', 'hours', 'days'];

/** One `after` timer: the delay in minutes, hours or days, where it goes, and its actions. */
export function TimerEditor({ index, workflow, ms, timer, actions, roles, channels, entities = [], onChange, onRemove }: {
  index: number; workflow: WorkflowDefinition; ms: number; timer: WorkflowDelayedTransitionConfig; actions: RegistryCall[]; roles?: string[]; channels?: string[];
  /** The app's entities, for transferRecord's pickers. */
  entities?: readonly EntityDefinition[];
  onChange: (ms: number, timer: WorkflowDelayedTransitionConfig) => void; onRemove: () => void;
}) {
  const { t } = useTranslation();
  const shown = splitDelay(ms);
  const [amount, setAmount] = useState(String(shown.amount));
  const [unit, setUnit] = useState<DelayUnit>(shown.unit);
  const commit = (a: string, u: DelayUnit) => { const next = delayMs(Number(a), u); if (next !== undefined && next !== ms) onChange(next, timer); };
  const bad = delayMs(Number(amount), unit) === undefined;
  return (
    <li data-testid={`timer-${index}`}>
      <div className="d-wf-row">
        <label className="d-label">{t('workflow.after')}
          <input type="number" min={1} step={1} data-testid={`timer-${index}-amount`} value={amount} aria-invalid={bad} onChange={(e) => { setAmount(e.target.value); commit(e.target.value, unit); }} />
        </label>
        <label className="d-label">{t('workflow.unit')}
          <select data-testid={`timer-${index}-unit`} value={unit} onChange={(e) => { setUnit(e.target.value as DelayUnit); commit(amount, e.target.value as DelayUnit); }}>
            {UNITS.map((u) => <option key={u} value={u}>{t(`workflow.units.${u}`)}</option>)}
          </select>
        </label>
        <label className="d-label">{t('workflow.target')}
          <select data-testid={`timer-${index}-target`} value={timer.target} onChange={(e) => onChange(ms, { ...timer, target: e.target.value })}>
            {Object.keys(workflow.machine.states).map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <button type="button" className="d-btn d-btn-ghost" data-testid={`timer-${index}-remove`} aria-label={t('workflow.removeTimer')} onClick={onRemove}>✕</button>
      </div>
      {bad && <p className="d-error" role="alert">{t('workflow.problems.delay')}</p>}
      <ActionList id={`timer-${index}-action`} actions={actions} roles={roles} channels={channels} value={timer.actions ?? []}
        source={entities.find((e) => e['x-name'] === workflow.entity)} entities={entities}
        onChange={(list) => { const { actions: _a, ...rest } = timer; onChange(ms, list.length ? { ...rest, actions: list } : rest); }} />
    </li>
  );
}
