import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition, WorkflowDefinition, WorkflowTransitionConfig, WorkflowTransitionForm } from '@tessera/metadata';
import type { WorkflowRegistryView } from '../api/meta-api-types';
import { ActionList, GuardEditor } from './call-editor';
import { FormFieldsEditor } from './form-fields-editor';
import { eventProblem, eventsOf } from './workflow-model';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const TRANSITION_INSPECTOR_KEYWORDS = ['workflow.machine.states.*.on'] as const;

export interface TransitionInspectorProps {
  workflow: WorkflowDefinition;
  from: string;
  event: string;
  registry: WorkflowRegistryView;
  roles: string[];
  /** The app's entities: the transferRecord action picks what to hand over among them. */
  entities?: readonly EntityDefinition[];
  onChange: (next: WorkflowTransitionConfig, rename?: string) => void;
  onRemove: () => void;
}

/** Event name, target, label, guard, actions, roles and the transition form of one transition. */
export function TransitionInspector({ workflow, from, event, registry, roles, entities = [], onChange, onRemove }: TransitionInspectorProps) {
  const { t } = useTranslation();
  const transition = workflow.machine.states[from].on![event];
  const [name, setName] = useState(event);
  const problem = name === event ? undefined : eventProblem(name, eventsOf(workflow, from));
  const meta = transition.meta ?? {};
  const setMeta = (patch: Partial<NonNullable<WorkflowTransitionConfig['meta']>>) => {
    const next = { ...meta, ...patch };
    for (const k of Object.keys(patch) as (keyof typeof next)[]) if (patch[k] === undefined) delete next[k];
    const { meta: _old, ...rest } = transition;
    onChange(Object.keys(next).length ? { ...rest, meta: next } : rest);
  };
  const label = meta.label ?? { en: '' };
  const setLabel = (lang: 'en' | 'zh', text: string) => {
    const next = { ...label, [lang]: text };
    if (!next.zh) delete next.zh;
    setMeta({ label: next.en || next.zh ? { ...next, en: next.en || event } : undefined });
  };
  const toggleRole = (role: string, on: boolean) => {
    const next = on ? [...(meta.roles ?? []), role] : (meta.roles ?? []).filter((r) => r !== role);
    setMeta({ roles: next.length ? next : undefined });
  };

  return (
    <section className="d-panel d-inspector" data-testid="transition-inspector" aria-labelledby="d-wf-transition-title">
      <h2 id="d-wf-transition-title">{t('workflow.transitionHeading', { from, event })}</h2>
      <form className="d-wf-row" onSubmit={(e) => { e.preventDefault(); if (!problem && name !== event) onChange(transition, name); }}>
        <label className="d-label">{t('workflow.event')}
          <input data-testid="transition-event" value={name} spellCheck={false} aria-invalid={Boolean(problem)} onChange={(e) => setName(e.target.value.toUpperCase())} />
        </label>
        <button type="submit" className="d-btn" data-testid="transition-rename" disabled={Boolean(problem) || name === event}>{t('workflow.rename')}</button>
      </form>
      {problem && <p className="d-error" role="alert">{t(`workflow.problems.event.${problem}`, { name })}</p>}
      <label className="d-label">{t('workflow.target')}
        <select data-testid="transition-target" value={transition.target} onChange={(e) => onChange({ ...transition, target: e.target.value })}>
          {Object.keys(workflow.machine.states).map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <div className="d-wf-pair">
        <label className="d-label">{t('workflow.labelEn')}<input data-testid="transition-label-en" value={label.en} onChange={(e) => setLabel('en', e.target.value)} /></label>
        <label className="d-label">{t('workflow.labelZh')}<input data-testid="transition-label-zh" value={label.zh ?? ''} onChange={(e) => setLabel('zh', e.target.value)} /></label>
      </div>
      <GuardEditor id="transition-guard" guards={registry.guards} value={transition.guard}
        onChange={(guard) => { const { guard: _g, ...rest } = transition; onChange(guard ? { ...rest, guard } : rest); }} />
      <ActionList id="transition-action" actions={registry.actions} roles={roles} channels={registry.channels} value={transition.actions ?? []}
        source={entities.find((e) => e['x-name'] === workflow.entity)} entities={entities}
        onChange={(actions) => { const { actions: _a, ...rest } = transition; onChange(actions.length ? { ...rest, actions } : rest); }} />
      <fieldset>
        <legend>{t('workflow.roles')}</legend>
        <p className="d-hint">{t('workflow.rolesHint')}</p>
        {roles.map((r) => (
          <label key={r} className="d-check"><input type="checkbox" data-testid={`transition-role-${r}`} checked={(meta.roles ?? []).includes(r)} onChange={(e) => toggleRole(r, e.target.checked)} />{r}</label>
        ))}
      </fieldset>
      <FormFieldsEditor value={meta.form} onChange={(form?: WorkflowTransitionForm) => setMeta({ form })} />
      <div className="d-actions">
        <button type="button" className="d-btn d-btn-danger" data-testid="transition-remove" onClick={onRemove}>{t('workflow.removeTransition')}</button>
      </div>
    </section>
  );
}
