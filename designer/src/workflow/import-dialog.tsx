import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition, WorkflowDefinition } from '@tessera/metadata';
import { planApp } from '../api/meta-api';
import { ensureStateOptions, putWorkflow, selectFields } from './workflow-model';
import { importXState, type ImportNote } from './xstate-import';

/**
 * Paste a machine exported from Stately's editor, bind it to a select field, convert it and
 * have the server check the draft with it exactly as publishing would (POST /api/_meta/plan,
 * which knows plugin guards and actions). Every warning and problem is listed with its path;
 * only a clean check can be added to the draft.
 */
export function ImportDialog({ app, onImport, onClose }: { app: AppDefinition; onImport: (app: AppDefinition, workflow: WorkflowDefinition) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const candidates = app.entities.flatMap((e) => selectFields(e).map((f) => `${e['x-name']}.${f}`));
  const [binding, setBinding] = useState(candidates[0] ?? '');
  const [text, setText] = useState('');
  const [notes, setNotes] = useState<{ warnings: ImportNote[]; errors: ImportNote[] }>();
  const [checked, setChecked] = useState<{ app: AppDefinition; workflow: WorkflowDefinition }>();
  const [checking, setChecking] = useState(false);

  const check = async () => {
    setChecked(undefined);
    let json: unknown;
    try { json = JSON.parse(text); } catch (e) { setNotes({ warnings: [], errors: [{ path: '', message: t('workflow.import.badJson', { message: (e as Error).message }) }] }); return; }
    const [entity, stateField] = binding.split('.');
    const taken = new Set((app.workflows ?? []).map((w) => w.name));
    const result = importXState(json, { entity, stateField, fallbackName: `${entity}_${stateField}` });
    if (!result.workflow) { setNotes(result); return; }
    let workflow = result.workflow;
    if (taken.has(workflow.name)) workflow = { ...workflow, name: `${workflow.name}_imported`.slice(0, 63) };
    // The record stores the state in the select field: missing options are added, and said so.
    const before = app.entities.find((e) => e['x-name'] === entity)?.properties[stateField]?.['x-options']?.map((o) => o.value) ?? [];
    const missing = Object.keys(workflow.machine.states).filter((s) => !before.includes(s));
    const warnings = [...result.warnings, ...(missing.length ? [{ path: `${binding}`, message: t('workflow.import.addsOptions', { options: missing.join(', ') }) }] : [])];
    const next = putWorkflow(ensureStateOptions(app, entity, stateField, missing), workflow.name, workflow);
    setChecking(true);
    const plan = await planApp(next);
    setChecking(false);
    const index = next.workflows!.findIndex((w) => w.name === workflow.name);
    const errors = plan.ok ? [] : plan.details.length ? plan.details.map((d) => ({ path: (d.pointer ?? '').replace(`/workflows/${index}/`, ''), message: d.message })) : [{ path: '', message: plan.message }];
    setNotes({ warnings, errors });
    if (plan.ok) setChecked({ app: next, workflow });
  };

  return (
    <div className="d-modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="d-modal" role="dialog" aria-modal="true" aria-labelledby="d-wf-import-title" data-testid="import-dialog">
        <h2 id="d-wf-import-title">{t('workflow.import.heading')}</h2>
        <p className="d-hint">{t('workflow.import.hint')}</p>
        <label className="d-label">{t('workflow.import.binding')}
          <select data-testid="import-binding" value={binding} onChange={(e) => { setBinding(e.target.value); setChecked(undefined); }}>
            {candidates.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label className="d-label">{t('workflow.import.json')}
          <textarea data-testid="import-json" rows={12} spellCheck={false} value={text} onChange={(e) => { setText(e.target.value); setChecked(undefined); }} />
        </label>
        {notes && (
          <div data-testid="import-notes" aria-live="polite">
            {notes.errors.length > 0 && <><h3>{t('workflow.import.errors', { count: notes.errors.length })}</h3>
              <ul className="d-problems" data-testid="import-errors">{notes.errors.map((n, i) => <li key={i}><code>{n.path || '/'}</code> {n.message}</li>)}</ul></>}
            {notes.warnings.length > 0 && <><h3>{t('workflow.import.warnings', { count: notes.warnings.length })}</h3>
              <ul className="d-wf-warnings" data-testid="import-warnings">{notes.warnings.map((n, i) => <li key={i}><code>{n.path || '/'}</code> {n.message}</li>)}</ul></>}
            {checked && <p className="d-ok" data-testid="import-ok">{t('workflow.import.ok', { name: checked.workflow.name })}</p>}
          </div>
        )}
        <div className="d-actions">
          <button type="button" className="d-btn" data-testid="import-check" disabled={!text.trim() || !binding || checking} onClick={() => void check()}>{checking ? t('workflow.import.checking') : t('workflow.import.check')}</button>
          <button type="button" className="d-btn d-btn-primary" data-testid="import-accept" disabled={!checked} onClick={() => checked && onImport(checked.app, checked.workflow)}>{t('workflow.import.accept')}</button>
          <button type="button" className="d-btn" onClick={onClose}>{t('inspector.cancel')}</button>
        </div>
      </div>
    </div>
  );
}
