import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition, WorkflowDefinition, WorkflowStateConfig } from '@tessera/metadata';
import type { WorkflowRegistryView } from '../api/meta-api-types';
import { ApprovalEditor } from './approval-editor';
import { LockEditor } from './lock-editor';
import { TimerEditor } from './timer-editor';
import { addApproval, eventProblem, eventsOf, putTimer, removeTimer, stateProblem } from './workflow-model';

export interface StateInspectorProps {
  workflow: WorkflowDefinition;
  state: string;
  registry: WorkflowRegistryView;
  roles: string[];
  fields: string[];
  /** The app's entities, for the transferRecord action of a timer. */
  entities?: readonly EntityDefinition[];
  /** A field's label in the reader's language (the lock lists fields by label). */
  fieldLabel?: (field: string) => string;
  onWorkflow: (next: WorkflowDefinition) => void;
  onPatch: (patch: Partial<WorkflowStateConfig>) => void;
  onRename: (to: string) => void;
  onInitial: () => void;
  onAddTransition: (event: string, target: string) => void;
}

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const STATE_INSPECTOR_KEYWORDS = ['workflow.machine.states.*.type', 'workflow.machine.states.*.label', 'workflow.machine.initial', 'workflow.machine.states.*.on'] as const;

/** One state: its name, initial/final, the transitions it starts (by keyboard), timers, approval and record lock. */
export function StateInspector({ workflow, state, registry, roles, fields, entities, fieldLabel = (f) => f, onWorkflow, onPatch, onRename, onInitial, onAddTransition }: StateInspectorProps) {
  const { t } = useTranslation();
  const config = workflow.machine.states[state];
  const names = Object.keys(workflow.machine.states);
  const [name, setName] = useState(state);
  const [event, setEvent] = useState('');
  // The next state in the select's option order is the usual target ("submitted" after "reviewing").
  const [target, setTarget] = useState(names[names.indexOf(state) + 1] ?? names.find((n) => n !== state) ?? state);
  const nameProblem = name === state ? undefined : stateProblem(name, names);
  const evProblem = event ? eventProblem(event, eventsOf(workflow, state)) : undefined;
  const timers = Object.entries(config.after ?? {}).map(([ms, timer]) => ({ ms: Number(ms), timer }));
  const isInitial = workflow.machine.initial === state;
  // What end users see instead of the option value (`pending_close` → "Pending close" / "待结案").
  const label = config.label ?? { en: '' };
  const setLabel = (lang: 'en' | 'zh', text: string) => {
    const next = { ...label, [lang]: text };
    if (!next.zh) delete next.zh;
    onPatch({ label: next.en || next.zh ? { ...next, en: next.en || state } : undefined });
  };

  return (
    <section className="d-panel d-inspector" data-testid="state-inspector" aria-labelledby="d-wf-state-title">
      <h2 id="d-wf-state-title">{t('workflow.stateHeading', { name: state })}</h2>
      <form className="d-wf-row" onSubmit={(e) => { e.preventDefault(); if (!nameProblem && name !== state) onRename(name); }}>
        <label className="d-label">{t('workflow.stateName')}
          <input data-testid="state-name" value={name} spellCheck={false} aria-invalid={Boolean(nameProblem)} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="d-btn" data-testid="state-rename" disabled={Boolean(nameProblem) || name === state}>{t('workflow.rename')}</button>
      </form>
      <span className="d-hint">{t('workflow.stateNameHint', { field: workflow.stateField })}</span>
      {nameProblem && <p className="d-error" role="alert">{t(`workflow.problems.state.${nameProblem}`, { name })}</p>}
      <div className="d-wf-pair">
        <label className="d-label">{t('workflow.stateLabelEn')}<input data-testid="state-label-en" value={label.en} placeholder={state} onChange={(e) => setLabel('en', e.target.value)} /></label>
        <label className="d-label">{t('workflow.stateLabelZh')}<input data-testid="state-label-zh" value={label.zh ?? ''} onChange={(e) => setLabel('zh', e.target.value)} /></label>
      </div>
      <span className="d-hint">{t('workflow.stateLabelHint', { name: state })}</span>
      <div className="d-flags">
        <label className="d-check"><input type="checkbox" data-testid="state-initial" checked={isInitial} disabled={isInitial} onChange={onInitial} />{t('workflow.initial')}</label>
        <label className="d-check"><input type="checkbox" data-testid="state-final" checked={config.type === 'final'} onChange={(e) => onPatch({ type: e.target.checked ? 'final' : undefined })} />{t('workflow.final')}</label>
      </div>

      <fieldset>
        <legend>{t('workflow.addTransition')}</legend>
        <form className="d-wf-row" onSubmit={(e) => { e.preventDefault(); if (event && !evProblem) { onAddTransition(event, target); setEvent(''); } }}>
          <label className="d-label">{t('workflow.event')}<input data-testid="state-new-event" value={event} placeholder="SUBMIT" spellCheck={false} aria-invalid={Boolean(evProblem)} onChange={(e) => setEvent(e.target.value.toUpperCase())} /></label>
          <label className="d-label">{t('workflow.target')}
            <select data-testid="state-new-target" value={target} onChange={(e) => setTarget(e.target.value)}>{names.map((n) => <option key={n} value={n}>{n}</option>)}</select>
          </label>
          <button type="submit" className="d-btn" data-testid="state-add-transition" disabled={!event || Boolean(evProblem)}>{t('workflow.add')}</button>
        </form>
        {evProblem && <p className="d-error" role="alert">{t(`workflow.problems.event.${evProblem}`, { name: event })}</p>}
      </fieldset>

      <fieldset>
        <legend>{t('workflow.timers')}</legend>
        <p className="d-hint">{t('workflow.timersHint')}</p>
        <ol className="d-wf-timers">
          {timers.map(({ ms, timer }, i) => (
            <TimerEditor key={ms} index={i} workflow={workflow} ms={ms} timer={timer} actions={registry.actions} roles={roles} channels={registry.channels} entities={entities}
              onChange={(next, nextTimer) => (timers.some((x) => x.ms === next && next !== ms) ? undefined : onWorkflow(putTimer(workflow, state, ms, next, nextTimer)))}
              onRemove={() => onWorkflow(removeTimer(workflow, state, ms))} />
          ))}
        </ol>
        <button type="button" className="d-btn" data-testid="timer-add"
          onClick={() => { let ms = 86_400_000; while (config.after?.[String(ms)]) ms += 86_400_000; onWorkflow(putTimer(workflow, state, undefined, ms, { target: state })); }}>{t('workflow.addTimer')}</button>
      </fieldset>

      <LockEditor value={config.lock} fields={fields} labelOf={fieldLabel} roles={roles} onChange={(lock) => onPatch({ lock })} />

      <ApprovalEditor value={config.approval} events={eventsOf(workflow, state)} roles={roles} fields={fields} onChange={(approval) => onPatch({ approval })}
        onAdd={() => onWorkflow(addApproval(workflow, state))} />
    </section>
  );
}
