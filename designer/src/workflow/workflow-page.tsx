import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition, WorkflowDefinition } from '@tessera/metadata';
import { fetchRegistry } from '../api/meta-api';
import type { WorkflowRegistryView } from '../api/meta-api-types';
import { localize } from '../localize';
import { EventPrompt } from './event-prompt';
import { ImportDialog } from './import-dialog';
import { StateInspector } from './state-inspector';
import { TransitionInspector } from './transition-inspector';
import { WorkflowCanvas, type Selection } from './workflow-canvas';
import { addState, addTransition, eventsOf, newWorkflow, patchState, putTimer, putTransition, putWorkflow, removeTimer, removeTransition, renameState, selectFields, setInitial, setPositions, stateProblem } from './workflow-model';
import { TimerEditor } from './timer-editor';
import { StateFieldForm } from './state-field-form';
import { SimulatorPanel } from './simulator-panel';

/**
 * The workflow page (issue 8): pick or create an entity's workflow, draw it on a canvas and
 * edit states and transitions in the inspector. Every edit goes to the draft app, so undo,
 * the plan preview and publishing work as for forms. Loaded lazily with the canvas library.
 */
/** The keyword paths this page edits itself (read by the keyword coverage test). */
export const WORKFLOW_PAGE_KEYWORDS = ['app.workflows', 'workflow.name', 'workflow.entity', 'workflow.stateField', 'workflow.label', 'workflow.machine.states', 'workflow.machine.meta.layout'] as const;

export default function WorkflowPage({ app, onChange }: { app: AppDefinition; onChange: (next: AppDefinition) => void }) {
  const { t, i18n } = useTranslation();
  const [registry, setRegistry] = useState<WorkflowRegistryView>();
  const [registryError, setRegistryError] = useState<string>();
  const [name, setName] = useState(app.workflows?.[0]?.name);
  const [selection, setSelection] = useState<Selection>();
  const [connecting, setConnecting] = useState<{ from: string; to: string }>();
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const [creatingField, setCreatingField] = useState(false);
  const [simulating, setSimulating] = useState(false);
  const [newState, setNewState] = useState('');
  const bindings = app.entities.flatMap((e) => selectFields(e).map((f) => ({ value: `${e['x-name']}.${f}`, label: `${localize(e['x-label'], i18n.language)} · ${localize(e.properties[f]['x-label'], i18n.language)}` })));
  // A driven field is taken, unless its entity has record types: each kind may run its own workflow over it.
  const typed = new Set(app.entities.filter((e) => e['x-record-types']).map((e) => e['x-name']));
  const free = bindings.filter((b) => typed.has(b.value.split('.')[0]) || !(app.workflows ?? []).some((w) => `${w.entity}.${w.stateField}` === b.value));
  const [binding, setBinding] = useState(free[0]?.value ?? '');
  useEffect(() => { void fetchRegistry().then((r) => (r.ok ? setRegistry(r.value) : setRegistryError(r.message))); }, []);

  const workflow = app.workflows?.find((w) => w.name === name);
  const roles = Object.keys(app.permissions?.roles ?? {}).concat('admin').filter((r, i, all) => all.indexOf(r) === i);
  const entity = workflow && app.entities.find((e) => e['x-name'] === workflow.entity);
  const fields = entity ? Object.keys(entity.properties) : [];
  const put = (wf: WorkflowDefinition) => onChange(putWorkflow(app, wf.name, wf));
  const create = () => {
    const [entityName, field] = binding.split('.');
    const wf = newWorkflow(app, entityName, field);
    onChange(putWorkflow(app, wf.name, wf));
    setName(wf.name);
    setCreating(false);
    setSelection(undefined);
  };
  // A new select field and the workflow over it, as one edit (one undo step).
  const createWithField = (withField: AppDefinition, entityName: string, field: string) => {
    const wf = newWorkflow(withField, entityName, field);
    onChange(putWorkflow(withField, wf.name, wf));
    setName(wf.name);
    setCreating(false);
    setCreatingField(false);
    setSelection(undefined);
  };
  const newStateProblem = newState && workflow ? stateProblem(newState, Object.keys(workflow.machine.states)) : undefined;

  return (
    <div className="d-wf-layout" data-testid="workflow-page">
      <aside className="d-panel d-wf-side">
        <h2>{t('workflow.heading')}</h2>
        <label className="d-label">{t('workflow.pick')}
          <select data-testid="workflow-pick" value={name ?? ''} onChange={(e) => { setName(e.target.value || undefined); setSelection(undefined); }}>
            <option value="">—</option>
            {(app.workflows ?? []).map((w) => <option key={w.name} value={w.name}>{w.label ? `${localize(w.label, i18n.language)} (${w.name})` : w.name}</option>)}
          </select>
        </label>
        {creatingField ? (
          <StateFieldForm app={app} onCreate={createWithField} onCancel={() => setCreatingField(false)} />
        ) : creating ? (
          <form className="d-wf-create" onSubmit={(e) => { e.preventDefault(); if (binding) create(); }}>
            <label className="d-label">{t('workflow.binding')}
              <select data-testid="workflow-binding" value={binding} onChange={(e) => setBinding(e.target.value)}>
                {free.map((b) => <option key={b.value} value={b.value}>{b.label}</option>)}
              </select>
            </label>
            <span className="d-hint">{t('workflow.bindingHint')}</span>
            {free.length === 0 && <p className="d-error">{t('workflow.noBinding')}</p>}
            <div className="d-actions">
              <button type="submit" className="d-btn d-btn-primary" data-testid="workflow-create" disabled={!binding}>{t('workflow.create')}</button>
              <button type="button" className="d-btn" data-testid="workflow-new-state-field" onClick={() => setCreatingField(true)}>{t('workflow.stateField.open')}</button>
              <button type="button" className="d-btn" onClick={() => setCreating(false)}>{t('inspector.cancel')}</button>
            </div>
          </form>
        ) : (
          <div className="d-actions">
            <button type="button" className="d-btn" data-testid="workflow-new" onClick={() => { setCreating(true); setBinding(free[0]?.value ?? ''); }}>+ {t('workflow.new')}</button>
            <button type="button" className="d-btn" data-testid="workflow-import" onClick={() => setImporting(true)}>{t('workflow.import.open')}</button>
          </div>
        )}
        {workflow && (
          <div className="d-wf-pair">
            <label className="d-label">{t('workflow.workflowLabelEn')}<input data-testid="workflow-label-en" value={workflow.label?.en ?? ''} placeholder={workflow.name}
              onChange={(e) => put(withLabel(workflow, 'en', e.target.value))} /></label>
            <label className="d-label">{t('workflow.workflowLabelZh')}<input data-testid="workflow-label-zh" value={workflow.label?.zh ?? ''}
              onChange={(e) => put(withLabel(workflow, 'zh', e.target.value))} /></label>
          </div>
        )}
        {workflow && (
          <div className="d-actions">
            <button type="button" className="d-btn" data-testid="workflow-simulate" aria-pressed={simulating} onClick={() => { setSimulating(!simulating); setSelection(undefined); }}>{t('simulator.open')}</button>
          </div>
        )}
        {workflow && (
          <nav aria-label={t('workflow.outline')} className="d-wf-outline">
            <h3>{t('workflow.outline')}</h3>
            <ul>
              {Object.entries(workflow.machine.states).map(([s, cfg]) => (
                <li key={s}>
                  <button type="button" className="d-entity" data-testid={`wf-state-${s}`} aria-pressed={selection?.kind === 'state' && selection.state === s} onClick={() => setSelection({ kind: 'state', state: s })}>{s}</button>
                  <ul>{Object.entries(cfg.on ?? {}).map(([ev, tr]) => (
                    <li key={ev}><button type="button" className="d-btn d-btn-ghost" data-testid={`wf-transition-${s}-${ev}`} onClick={() => setSelection({ kind: 'transition', from: s, event: ev })}>{ev} → {tr.target}</button></li>
                  ))}</ul>
                </li>
              ))}
            </ul>
            <form className="d-wf-row" onSubmit={(e) => { e.preventDefault(); if (newState && !newStateProblem) { const r = addState(app, workflow, newState); onChange(r.app); setSelection({ kind: 'state', state: newState }); setNewState(''); } }}>
              <label className="d-label">{t('workflow.newState')}<input data-testid="wf-new-state" value={newState} spellCheck={false} aria-invalid={Boolean(newStateProblem)} onChange={(e) => setNewState(e.target.value)} /></label>
              <button type="submit" className="d-btn" data-testid="wf-add-state" disabled={!newState || Boolean(newStateProblem)}>{t('workflow.add')}</button>
            </form>
            {newStateProblem && <p className="d-error" role="alert">{t(`workflow.problems.state.${newStateProblem}`, { name: newState })}</p>}
          </nav>
        )}
      </aside>
      <main className="d-wf-main">
        {workflow ? (
          <WorkflowCanvas workflow={workflow} selection={selection} onSelect={setSelection}
            onConnect={(from, to) => setConnecting({ from, to })} onMoved={(p) => put(setPositions(workflow, p))} />
        ) : <p className="d-hint d-panel">{t('workflow.empty')}</p>}
      </main>
      <aside className="d-wf-inspector">
        {registryError && <p className="d-error" role="alert">{t('workflow.registryError', { message: registryError })}</p>}
        {workflow && entity && simulating && <SimulatorPanel key={workflow.name} workflow={workflow} entity={entity} roles={roles} onClose={() => setSimulating(false)} />}
        {workflow && registry && selection?.kind === 'state' && workflow.machine.states[selection.state] && (
          <StateInspector key={`${workflow.name}-${selection.state}`} workflow={workflow} state={selection.state} registry={registry} roles={roles} fields={fields} entities={app.entities}
            fieldLabel={(f) => `${localize(entity?.properties[f]?.['x-label'], i18n.language) || f} (${f})`}
            onWorkflow={put} onPatch={(patch) => put(patchState(workflow, selection.state, patch))}
            onRename={(to) => { const r = renameState(app, workflow, selection.state, to); onChange(r.app); setSelection({ kind: 'state', state: to }); }}
            onInitial={() => put(setInitial(workflow, selection.state))}
            onAddTransition={(event, target) => { put(addTransition(workflow, selection.state, event, target)); setSelection({ kind: 'transition', from: selection.state, event }); }} />
        )}
        {workflow && registry && selection?.kind === 'transition' && workflow.machine.states[selection.from]?.on?.[selection.event] && (
          <TransitionInspector key={`${workflow.name}-${selection.from}-${selection.event}`} workflow={workflow} from={selection.from} event={selection.event} registry={registry} roles={roles} entities={app.entities}
            onChange={(next, rename) => { put(putTransition(workflow, selection.from, selection.event, next, rename)); if (rename) setSelection({ ...selection, event: rename }); }}
            onRemove={() => { put(removeTransition(workflow, selection.from, selection.event)); setSelection(undefined); }} />
        )}
        {workflow && registry && selection?.kind === 'timer' && workflow.machine.states[selection.from]?.after?.[String(selection.ms)] && (
          <section className="d-panel d-inspector" data-testid="timer-inspector">
            <h2>{t('workflow.timerHeading', { from: selection.from })}</h2>
            <ol className="d-wf-timers">
              <TimerEditor key={`${workflow.name}-${selection.from}`} index={0} workflow={workflow} ms={selection.ms} timer={workflow.machine.states[selection.from].after![String(selection.ms)]} actions={registry.actions} roles={roles} channels={registry.channels} entities={app.entities}
                onChange={(ms, timer) => { put(putTimer(workflow, selection.from, selection.ms, ms, timer)); setSelection({ ...selection, ms }); }}
                onRemove={() => { put(removeTimer(workflow, selection.from, selection.ms)); setSelection({ kind: 'state', state: selection.from }); }} />
            </ol>
          </section>
        )}
        {workflow && !selection && !simulating && <p className="d-hint d-panel">{t('workflow.selectHint')}</p>}
      </aside>
      {connecting && workflow && (
        <EventPrompt from={connecting.from} to={connecting.to} taken={eventsOf(workflow, connecting.from)} onCancel={() => setConnecting(undefined)}
          onDone={(event) => { put(addTransition(workflow, connecting.from, event, connecting.to)); setSelection({ kind: 'transition', from: connecting.from, event }); setConnecting(undefined); }} />
      )}
      {importing && (
        <ImportDialog app={app} onClose={() => setImporting(false)}
          onImport={(next, wf) => { onChange(next); setName(wf.name); setSelection(undefined); setImporting(false); }} />
      )}
    </div>
  );
}

function withLabel(wf: WorkflowDefinition, lang: 'en' | 'zh', text: string): WorkflowDefinition {
  const label: { en: string; zh?: string } = { en: wf.label?.en ?? '', ...(wf.label?.zh ? { zh: wf.label.zh } : {}), [lang]: text };
  if (!label.zh) delete label.zh;
  const { label: _old, ...rest } = wf;
  return label.en || label.zh ? { ...rest, label: { ...label, en: label.en || wf.name } } : rest;
}
