import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowStateLock } from '@tessera/metadata';
import { choiceToLock, lockChoice, startLock, toggle, type LockChoice } from './state-lock';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const LOCK_EDITOR_KEYWORDS = ['workflow.machine.states.*.lock'] as const;

export interface LockEditorProps {
  value?: WorkflowStateLock;
  /** The entity's fields, in order, and labels to show for them. */
  fields: string[];
  labelOf: (field: string) => string;
  roles: string[];
  onChange: (next?: WorkflowStateLock) => void;
}

/** "Lock the record in this state": the whole record or named fields, and who may still edit. */
export function LockEditor({ value, fields, labelOf, roles, onChange }: LockEditorProps) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<LockChoice>(() => lockChoice(value));
  const put = (next: LockChoice) => {
    setChoice(next);
    onChange(choiceToLock(next));
  };
  return (
    <fieldset data-testid="state-lock">
      <legend>{t('lock.legend')}</legend>
      <label className="d-check">
        <input type="checkbox" data-testid="state-lock-on" checked={choice.on} onChange={(e) => put(e.target.checked ? startLock(roles) : { ...choice, on: false })} />
        {t('lock.enabled')}
      </label>
      <p className="d-hint">{t('lock.hint')}</p>
      {choice.on && (
        <>
          <div className="d-flags">
            <label className="d-check"><input type="radio" name="state-lock-scope" data-testid="state-lock-whole" checked={choice.whole} onChange={() => put({ ...choice, whole: true })} />{t('lock.whole')}</label>
            <label className="d-check"><input type="radio" name="state-lock-scope" data-testid="state-lock-some" checked={!choice.whole} onChange={() => put({ ...choice, whole: false })} />{t('lock.some')}</label>
          </div>
          {!choice.whole && (
            <fieldset className="d-wf-pair" data-testid="state-lock-fields">
              <legend>{t('lock.fields')}</legend>
              {fields.map((f) => (
                <label key={f} className="d-check"><input type="checkbox" data-testid={`state-lock-field-${f}`} checked={choice.fields.includes(f)}
                  onChange={(e) => put({ ...choice, fields: toggle(choice.fields, f, e.target.checked, fields) })} />{labelOf(f)}</label>
              ))}
              {!choice.fields.length && <p className="d-error" role="alert">{t('lock.noFields')}</p>}
            </fieldset>
          )}
          <fieldset className="d-wf-pair" data-testid="state-lock-except">
            <legend>{t('lock.except')}</legend>
            {[...new Set([...roles, ...choice.except])].map((r) => (
              <label key={r} className="d-check"><input type="checkbox" data-testid={`state-lock-except-${r}`} checked={choice.except.includes(r)}
                onChange={(e) => put({ ...choice, except: toggle(choice.except, r, e.target.checked, roles) })} />{r}</label>
            ))}
            <span className="d-hint">{t('lock.exceptHint')}</span>
          </fieldset>
        </>
      )}
    </fieldset>
  );
}
