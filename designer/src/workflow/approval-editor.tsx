import { useTranslation } from 'react-i18next';
import type { ApprovalConfig, ApprovalMode, ApprovalStepConfig } from '@tessera/metadata';
import { ApproverInput } from './approver-input';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const APPROVAL_EDITOR_KEYWORDS = ['workflow.machine.states.*.approval'] as const;

const HOUR = 3_600_000;

const MODES: ApprovalMode[] = ['any', 'all', 'ratio', 'sequential'];
export interface ApprovalEditorProps {
  value?: ApprovalConfig;
  events: string[];
  roles: string[];
  fields: string[];
  onChange: (next?: ApprovalConfig) => void;
  /** Adds the approval (and, on a state without events, its APPROVE/REJECT transitions). */
  onAdd: () => void;
}

/** The approval chain a state waits for: its steps (approvers, mode, condition) and outcome events. */
export function ApprovalEditor({ value, events, roles, fields, onChange, onAdd }: ApprovalEditorProps) {
  const { t } = useTranslation();
  const step = (i: number): ApprovalStepConfig => ({ id: `step_${i + 1}`, approvers: { kind: 'manager', levels: 1 }, mode: 'any' });
  if (!value) {
    return (
      <fieldset className="d-wf-approval">
        <legend>{t('workflow.approval')}</legend>
        <p className="d-hint">{t('workflow.approvalHint')}</p>
        <button type="button" className="d-btn" data-testid="approval-add" onClick={onAdd}>{t('workflow.approvalAdd')}</button>
        {events.length === 0 && <p className="d-hint">{t('workflow.approvalNeedsEvents')}</p>}
      </fieldset>
    );
  }
  const putStep = (i: number, patch: Partial<ApprovalStepConfig>) => {
    const steps = value.steps.map((s, j) => (j === i ? { ...s, ...patch } : s));
    for (const s of steps) for (const k of Object.keys(s) as (keyof ApprovalStepConfig)[]) if (s[k] === undefined) delete s[k];
    onChange({ ...value, steps });
  };
  const stepLabel = (s: ApprovalStepConfig, lang: 'en' | 'zh', text: string) => {
    const next: { en: string; zh?: string } = { en: s.label?.en ?? '', ...(s.label?.zh ? { zh: s.label.zh } : {}), [lang]: text };
    if (!next.zh) delete next.zh;
    return next.en || next.zh ? { ...next, en: next.en || s.id } : undefined;
  };
  const toggleSummary = (field: string, on: boolean) => {
    const summary = on ? [...(value.summary ?? []), field] : (value.summary ?? []).filter((f) => f !== field);
    const next: ApprovalConfig = { ...value, summary };
    if (!summary.length) delete next.summary;
    onChange(next);
  };
  const outcome = (key: 'onApproved' | 'onRejected' | 'onReturned' | 'onWithdrawn', optional: boolean) => (
    <label className="d-label" key={key}>{t(`workflow.outcomes.${key}`)}
      <select data-testid={`approval-${key}`} value={value[key] ?? ''} onChange={(e) => { const next = { ...value, [key]: e.target.value }; if (!e.target.value) delete next[key]; onChange(next); }}>
        {optional && <option value="">—</option>}
        {events.map((ev) => <option key={ev} value={ev}>{ev}</option>)}
      </select>
    </label>
  );
  return (
    <fieldset className="d-wf-approval" data-testid="approval">
      <legend>{t('workflow.approval')}</legend>
      <ol>
        {value.steps.map((s, i) => (
          <li key={i} data-testid={`approval-step-${i}`}>
            <div className="d-wf-pair">
              <label className="d-label">{t('workflow.stepId')}<input data-testid={`approval-step-${i}-id`} value={s.id} spellCheck={false} onChange={(e) => putStep(i, { id: e.target.value })} /></label>
              <label className="d-label">{t('workflow.mode')}
                <select data-testid={`approval-step-${i}-mode`} value={s.mode} onChange={(e) => putStep(i, { mode: e.target.value as ApprovalMode, ratio: e.target.value === 'ratio' ? (s.ratio ?? 0.5) : undefined })}>
                  {MODES.map((m) => <option key={m} value={m}>{t(`workflow.modes.${m}`)}</option>)}
                </select>
              </label>
              {s.mode === 'ratio' && <label className="d-label">{t('workflow.ratio')}<input type="number" step={0.05} min={0.05} max={1} data-testid={`approval-step-${i}-ratio`} value={s.ratio ?? 0.5} onChange={(e) => putStep(i, { ratio: Number(e.target.value) })} /></label>}
            </div>
            <ApproverInput id={`approval-step-${i}-approvers`} rule={s.approvers} roles={roles} fields={fields} onChange={(approvers) => putStep(i, { approvers })} />
            <div className="d-wf-pair">
              <label className="d-label">{t('workflow.stepLabelEn')}<input data-testid={`approval-step-${i}-label-en`} value={s.label?.en ?? ''} onChange={(e) => putStep(i, { label: stepLabel(s, 'en', e.target.value) })} /></label>
              <label className="d-label">{t('workflow.stepLabelZh')}<input data-testid={`approval-step-${i}-label-zh`} value={s.label?.zh ?? ''} onChange={(e) => putStep(i, { label: stepLabel(s, 'zh', e.target.value) })} /></label>
            </div>
            <label className="d-label">{t('workflow.timeout')}
              <input type="number" min={1} data-testid={`approval-step-${i}-timeout`} value={s.timeout ? Math.max(1, Math.round(s.timeout.after / HOUR)) : ''}
                onChange={(e) => { const hours = Number(e.target.value); putStep(i, { timeout: e.target.value && hours >= 1 ? { after: Math.round(hours) * HOUR, escalateTo: s.timeout?.escalateTo ?? { kind: 'manager', levels: 1 } } : undefined }); }} />
              <span className="d-hint">{t('workflow.timeoutHours')}</span>
            </label>
            {s.timeout && (
              <div data-testid={`approval-step-${i}-escalate`}>
                <span className="d-hint">{t('workflow.escalateTo')}</span>
                <ApproverInput id={`approval-step-${i}-escalate`} rule={s.timeout.escalateTo} roles={roles} fields={fields} onChange={(escalateTo) => putStep(i, { timeout: { ...s.timeout!, escalateTo } })} />
              </div>
            )}
            <label className="d-label">{t('workflow.condition')}
              <input data-testid={`approval-step-${i}-condition`} placeholder="amount > 100000" value={s.condition ?? ''} spellCheck={false} onChange={(e) => putStep(i, { condition: e.target.value || undefined })} />
            </label>
            <button type="button" className="d-btn d-btn-ghost" disabled={value.steps.length === 1} onClick={() => onChange({ ...value, steps: value.steps.filter((_, j) => j !== i) })}>{t('workflow.removeStep')}</button>
          </li>
        ))}
      </ol>
      <button type="button" className="d-btn" data-testid="approval-step-add" onClick={() => onChange({ ...value, steps: [...value.steps, step(value.steps.length)] })}>{t('workflow.addStep')}</button>
      <fieldset data-testid="approval-summary">
        <legend>{t('workflow.summary')}</legend>
        <p className="d-hint">{t('workflow.summaryHint')}</p>
        {fields.map((f) => (
          <label key={f} className="d-check"><input type="checkbox" data-testid={`approval-summary-${f}`} checked={(value.summary ?? []).includes(f)}
            disabled={!(value.summary ?? []).includes(f) && (value.summary ?? []).length >= 12} onChange={(e) => toggleSummary(f, e.target.checked)} />{f}</label>
        ))}
      </fieldset>
      <div className="d-wf-pair">{outcome('onApproved', false)}{outcome('onRejected', false)}{outcome('onReturned', true)}{outcome('onWithdrawn', true)}</div>
      <button type="button" className="d-btn d-btn-danger" data-testid="approval-remove" onClick={() => onChange(undefined)}>{t('workflow.approvalRemove')}</button>
    </fieldset>
  );
}
