import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowTransitionForm } from '@tessera/metadata';

const TYPES = ['string', 'number', 'boolean'] as const;
const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * The data a transition asks for (e.g. a rejection reason): fields with a type and a required
 * flag. Richer constraints stay possible in the JSON; this edits the common part.
 */
export function FormFieldsEditor({ value, onChange }: { value?: WorkflowTransitionForm; onChange: (next?: WorkflowTransitionForm) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const properties = value?.properties ?? {};
  const required = value?.required ?? [];
  const taken = name in properties;
  const bad = Boolean(name) && (!NAME.test(name) || taken);
  const put = (props: Record<string, Record<string, unknown>>, req: string[]) => {
    const kept = req.filter((r) => r in props);
    onChange(Object.keys(props).length ? { properties: props, ...(kept.length ? { required: kept } : {}) } : undefined);
  };
  return (
    <fieldset className="d-wf-form" data-testid="transition-form">
      <legend>{t('workflow.form')}</legend>
      <p className="d-hint">{t('workflow.formHint')}</p>
      {Object.entries(properties).map(([field, schema]) => (
        <div key={field} className="d-wf-row" data-testid={`form-field-${field}`}>
          <code>{field}</code>
          <select aria-label={t('workflow.formType', { name: field })} value={String(schema.type ?? 'string')} onChange={(e) => put({ ...properties, [field]: { ...schema, type: e.target.value } }, required)}>
            {TYPES.map((ty) => <option key={ty} value={ty}>{t(`workflow.formTypes.${ty}`)}</option>)}
          </select>
          <label className="d-check"><input type="checkbox" data-testid={`form-required-${field}`} checked={required.includes(field)}
            onChange={(e) => put(properties, e.target.checked ? [...required, field] : required.filter((r) => r !== field))} />{t('inspector.required')}</label>
          <button type="button" className="d-btn d-btn-ghost" aria-label={t('workflow.remove', { name: field })}
            onClick={() => { const { [field]: _gone, ...rest } = properties; put(rest, required); }}>✕</button>
        </div>
      ))}
      <form className="d-wf-row" onSubmit={(e) => { e.preventDefault(); if (name && !bad) { put({ ...properties, [name]: { type: 'string', title: name } }, required); setName(''); } }}>
        <label className="d-label">{t('workflow.formField')}<input data-testid="form-field-name" value={name} spellCheck={false} aria-invalid={bad} onChange={(e) => setName(e.target.value)} /></label>
        <button type="submit" className="d-btn" data-testid="form-field-add" disabled={!name || bad}>{t('workflow.add')}</button>
      </form>
      {bad && <p className="d-error" role="alert">{t(taken ? 'workflow.problems.fieldTaken' : 'workflow.problems.fieldFormat', { name })}</p>}
    </fieldset>
  );
}
