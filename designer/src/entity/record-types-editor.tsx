import { useTranslation } from 'react-i18next';
import type { EntityDefinition, LayoutDefinition, RecordTypesDefinition, RecordTypeSpec, WorkflowDefinition } from '@tessera/metadata';
import { localize } from '../localize';
import { cleanSpec, typeFieldChoices, typesForField } from './record-types-settings';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const RECORD_TYPES_EDITOR_KEYWORDS = ['entity.x-record-types'] as const;

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

export interface RecordTypesEditorProps {
  entity: EntityDefinition;
  value?: RecordTypesDefinition;
  /** The app's layouts: a type may use one of this entity's forms. */
  layouts: readonly LayoutDefinition[];
  /** The app's workflows: a type may run one bound to this entity. */
  workflows?: readonly WorkflowDefinition[];
  onChange: (value?: RecordTypesDefinition) => void;
}

/**
 * Record types (`x-record-types`): a select field picks each record's type; per type (one per
 * option), the fields only it has, the fields it requires, the form layout it uses and the
 * workflow it runs.
 */
export function RecordTypesEditor({ entity, value, layouts, workflows = [], onChange }: RecordTypesEditorProps) {
  const { t, i18n } = useTranslation();
  const choices = typeFieldChoices(entity);
  const forms = layouts.filter((l) => l.kind === 'form' && !l.public && l.entity === entity['x-name']);
  const processes = workflows.filter((w) => w.entity === entity['x-name']);
  const label = (field: string) => localize(entity.properties[field]?.['x-label'], i18n.language) || field;
  const options = value ? entity.properties[value.field]?.['x-options'] ?? [] : [];
  const put = (key: string, patch: Partial<RecordTypeSpec>) => onChange({ ...value!, types: { ...value!.types, [key]: cleanSpec({ ...value!.types[key], ...patch }) } });
  return (
    <fieldset className="d-entity-record-types" data-testid="entity-record-types">
      <legend>{t('entitySettings.recordTypes.heading')}</legend>
      <p className="d-hint">{t('entitySettings.recordTypes.hint')}</p>
      <label className="d-label">{t('entitySettings.recordTypes.field')}
        <select data-testid="entity-record-types-field" value={value?.field ?? ''} onChange={(e) => onChange(e.target.value ? typesForField(entity, e.target.value, value) : undefined)}>
          <option value="">{t('entitySettings.recordTypes.none')}</option>
          {value && !choices.includes(value.field) && <option value={value.field}>{value.field}</option>}
          {choices.map((f) => <option key={f} value={f}>{label(f)} ({f})</option>)}
        </select>
      </label>
      {value && options.map((option) => {
        const spec = value.types[option.value] ?? {};
        const id = `entity-record-type-${option.value}`;
        return (
          <div key={option.value} className="d-rule-row" data-testid={id}>
            <strong>{localize(option.label, i18n.language) || option.value}</strong>
            <label className="d-label">{t('entitySettings.recordTypes.fields')}
              <input data-testid={`${id}-fields`} defaultValue={(spec.fields ?? []).join(', ')} spellCheck={false} list="d-entity-fields" onChange={(e) => put(option.value, { fields: list(e.target.value) })} />
            </label>
            <label className="d-label">{t('entitySettings.recordTypes.required')}
              <input data-testid={`${id}-required`} defaultValue={(spec.required ?? []).join(', ')} spellCheck={false} list="d-entity-fields" onChange={(e) => put(option.value, { required: list(e.target.value) })} />
            </label>
            <label className="d-label">{t('entitySettings.recordTypes.layout')}
              <select data-testid={`${id}-layout`} value={spec.layout ?? ''} onChange={(e) => put(option.value, { layout: e.target.value || undefined })}>
                <option value="">{t('entitySettings.recordTypes.layoutDefault')}</option>
                {spec.layout && !forms.some((f) => f.name === spec.layout) && <option value={spec.layout}>{spec.layout}</option>}
                {forms.map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
              </select>
            </label>
            <label className="d-label">{t('entitySettings.recordTypes.workflow')}
              <select data-testid={`${id}-workflow`} value={spec.workflow ?? ''} onChange={(e) => put(option.value, { workflow: e.target.value || undefined })}>
                <option value="">{t('entitySettings.recordTypes.workflowDefault')}</option>
                {spec.workflow && !processes.some((w) => w.name === spec.workflow) && <option value={spec.workflow}>{spec.workflow}</option>}
                {processes.map((w) => <option key={w.name} value={w.name}>{w.label ? `${localize(w.label, i18n.language)} (${w.name})` : w.name}</option>)}
              </select>
            </label>
          </div>
        );
      })}
      {value && <span className="d-hint">{t('entitySettings.recordTypes.fieldsHint')}</span>}
    </fieldset>
  );
}
