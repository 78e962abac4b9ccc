import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { localize } from '../localize';
import { addField } from '../model/add-field';
import { checkFieldName, labelToName } from '../model/label-to-name';
import { parseOptionList } from '../model/parse-option-list';

export interface StateFieldFormProps {
  app: AppDefinition;
  /** The app with the new select field, its entity and the field's name: the workflow binds to it. */
  onCreate: (next: AppDefinition, entity: string, field: string) => void;
  onCancel: () => void;
}

/**
 * Creates the select field a workflow keeps its state in, from the workflow page: an entity
 * with no free select field no longer sends the implementer to the form tab first. The
 * options are the states, in order (the first is the initial state).
 */
export function StateFieldForm({ app, onCreate, onCancel }: StateFieldFormProps) {
  const { t, i18n } = useTranslation();
  const [entity, setEntity] = useState(app.entities[0]?.['x-name'] ?? '');
  const [labelEn, setLabelEn] = useState('Status');
  const [labelZh, setLabelZh] = useState('状态');
  const [states, setStates] = useState('draft, submitted, approved, rejected');
  const target = app.entities.find((e) => e['x-name'] === entity);
  const name = labelToName(labelEn);
  const nameProblem = target ? checkFieldName(name, Object.keys(target.properties)) : 'empty';
  const options = parseOptionList(states);
  const problems = [
    ...(nameProblem ? [t(`inspector.problems.${nameProblem}`, { name })] : []),
    ...(options.length < 2 ? [t('workflow.stateField.fewStates')] : []),
  ];
  const submit = () => {
    if (problems.length || !target) return;
    const next = addField(app, entity, { type: 'select', name, label: { en: labelEn.trim(), ...(labelZh.trim() ? { zh: labelZh.trim() } : {}) }, required: false, options });
    onCreate(next, entity, name);
  };
  return (
    <form className="d-wf-create" data-testid="state-field-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <p className="d-hint">{t('workflow.stateField.hint')}</p>
      <label className="d-label">{t('workflow.stateField.entity')}
        <select data-testid="state-field-entity" value={entity} onChange={(e) => setEntity(e.target.value)}>
          {app.entities.map((e) => <option key={e['x-name']} value={e['x-name']}>{localize(e['x-label'], i18n.language)}</option>)}
        </select>
      </label>
      <label className="d-label">{t('inspector.labelEn')}<input data-testid="state-field-label-en" value={labelEn} onChange={(e) => setLabelEn(e.target.value)} /></label>
      <label className="d-label">{t('inspector.labelZh')}<input data-testid="state-field-label-zh" value={labelZh} onChange={(e) => setLabelZh(e.target.value)} /></label>
      <label className="d-label">{t('workflow.stateField.states')}
        <input data-testid="state-field-states" value={states} spellCheck={false} onChange={(e) => setStates(e.target.value)} />
        <span className="d-hint">{t('workflow.stateField.statesHint')}</span>
      </label>
      {problems.length > 0 && <ul className="d-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      <div className="d-actions">
        <button type="submit" className="d-btn d-btn-primary" data-testid="state-field-create" disabled={problems.length > 0}>{t('workflow.stateField.create')}</button>
        <button type="button" className="d-btn" onClick={onCancel}>{t('inspector.cancel')}</button>
      </div>
    </form>
  );
}
