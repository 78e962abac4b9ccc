import { useTranslation } from 'react-i18next';
import type { CreateRecordParams } from '@tessera/engine';
import type { EntityDefinition } from '@tessera/metadata';
import { localize } from '../localize';
import { defineActionEditor, type ActionEditorProps } from './action-editor-types';
import { createRecordToParams, createRecordToState, relationsTo, withTarget, type CreateRecordState, type SourcedValue, type ValueSource } from './create-record-model';
import { emptyValue } from './field-rows';
import { FieldValueInput } from './field-value-input';
import { AddFieldSelect } from './set-fields-editor';

const SOURCES: ValueSource[] = ['value', 'expr', 'created'];
const ALIAS = /^[a-z][a-z0-9_]{0,62}$/;

/** A select of relation fields (or none), keeping a name written by hand that is not among them. */
function RelationSelect({ id, label, entity, fields, value, onChange }: { id: string; label: string; entity?: EntityDefinition; fields: string[]; value: string; onChange: (v: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <label className="d-label">{label}
      <select data-testid={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('actionEditors.createRecord.none')}</option>
        {fields.map((f) => <option key={f} value={f}>{localize(entity?.properties[f]?.['x-label'], i18n.language) || f}</option>)}
        {value && !fields.includes(value) && <option value={value}>{value}</option>}
      </select>
    </label>
  );
}

/** A record created earlier in the same step, by the name its action gives it. */
function CreatedSelect({ id, names, value, onChange }: { id: string; names: string[]; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <select data-testid={id} aria-label={t('actionEditors.createRecord.sources.created')} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">…</option>
        {names.map((n) => <option key={n} value={n}>{n}</option>)}
        {value && !names.includes(value) && <option value={value}>{value}</option>}
      </select>
      {names.length === 0 && <span className="d-error">{t('actionEditors.createRecord.noneCreated')}</span>}
      {value && names.length > 0 && !names.includes(value) && <span className="d-error">{t('actionEditors.createRecord.notCreated', { name: value })}</span>}
    </>
  );
}

function CreateRecordEditor({ id, state, context, onChange }: ActionEditorProps<CreateRecordState>) {
  const { t, i18n } = useTranslation();
  const { source, entities } = context;
  const target = entities.find((e) => e['x-name'] === state.entity);
  const entityName = (e: EntityDefinition) => localize(e['x-label'], i18n.language) || e['x-name'];
  const putValue = (i: number, value: SourcedValue) => onChange({ ...state, values: state.values.map((r, j) => (j === i ? { ...r, value } : r)) });
  const badAlias = state.as !== '' && !ALIAS.test(state.as);
  return (
    <div className="d-wf-params" data-testid={`${id}-params`}>
      <label className="d-label">{t('actionEditors.createRecord.entity')}
        <select data-testid={`${id}-entity`} value={state.entity} onChange={(e) => e.target.value && onChange(withTarget(state, entities.find((x) => x['x-name'] === e.target.value), e.target.value, source))}>
          <option value="">…</option>
          {entities.map((e) => <option key={e['x-name']} value={e['x-name']}>{entityName(e)}</option>)}
          {state.entity && !target && <option value={state.entity}>{state.entity}</option>}
        </select>
      </label>
      {!state.entity && <p className="d-error" role="alert">{t('actionEditors.createRecord.noEntity')}</p>}
      {state.entity && (
        <fieldset data-testid={`${id}-values`}>
          <legend>{t('actionEditors.createRecord.values')}</legend>
          <ul className="d-wf-rows">
            {state.values.map((r, i) => (
              <li key={r.field} className="d-wf-row" data-testid={`${id}-field-${r.field}`}>
                <strong>{localize(target?.properties[r.field]?.['x-label'], i18n.language) || r.field}</strong>
                {target && !target.properties[r.field] && <span className="d-error">{t('actionEditors.noSuchField', { field: r.field })}</span>}
                <select data-testid={`${id}-source-${r.field}`} aria-label={t('actionEditors.createRecord.source')} value={r.value.source}
                  onChange={(e) => putValue(i, { source: e.target.value as ValueSource, value: e.target.value === 'value' ? emptyValue(target, r.field) : '' })}>
                  {SOURCES.map((s) => <option key={s} value={s}>{t(`actionEditors.createRecord.sources.${s}`)}</option>)}
                </select>
                {r.value.source === 'value'
                  ? <FieldValueInput id={`${id}-value-${r.field}`} field={target?.properties[r.field]} value={r.value.value} onChange={(v) => putValue(i, { source: 'value', value: v })} />
                  : r.value.source === 'created'
                    ? <CreatedSelect id={`${id}-value-${r.field}`} names={context.created ?? []} value={String(r.value.value ?? '')} onChange={(v) => putValue(i, { source: 'created', value: v })} />
                    : <input data-testid={`${id}-value-${r.field}`} aria-label={t('actionEditors.createRecord.sources.expr')} spellCheck={false} list={`${id}-fields`} value={String(r.value.value ?? '')}
                        onChange={(e) => putValue(i, { source: 'expr', value: e.target.value })} />}
                <button type="button" className="d-btn d-btn-ghost" data-testid={`${id}-remove-${r.field}`} aria-label={t('actionEditors.removeField', { field: r.field })}
                  onClick={() => onChange({ ...state, values: state.values.filter((_, j) => j !== i) })}>✕</button>
              </li>
            ))}
          </ul>
          {/* An expression is most often one field of this record: offered as it is typed. */}
          <datalist id={`${id}-fields`}>{Object.keys(source?.properties ?? {}).map((f) => <option key={f} value={f}>{localize(source?.properties[f]?.['x-label'], i18n.language)}</option>)}</datalist>
          <p className="d-hint">{t('actionEditors.createRecord.valuesHint', { example: 'company' })}</p>
          <AddFieldSelect id={id} entity={target} rows={state.values} onAdd={(field) => onChange({ ...state, values: [...state.values, { field, value: { source: 'value', value: emptyValue(target, field) } }] })} />
        </fieldset>
      )}
      {state.entity && (
        <div className="d-wf-pair">
          <RelationSelect id={`${id}-link`} label={t('actionEditors.createRecord.link')} entity={target} fields={source ? relationsTo(target, source['x-name']) : []} value={state.link} onChange={(link) => onChange({ ...state, link })} />
          <RelationSelect id={`${id}-backLink`} label={t('actionEditors.createRecord.backLink')} entity={source} fields={relationsTo(source, state.entity)} value={state.backLink} onChange={(backLink) => onChange({ ...state, backLink })} />
        </div>
      )}
      <label className="d-label">{t('actionEditors.createRecord.as')}
        <input data-testid={`${id}-as`} spellCheck={false} value={state.as} aria-invalid={badAlias} onChange={(e) => onChange({ ...state, as: e.target.value })} />
      </label>
      <p className={badAlias ? 'd-error' : 'd-hint'}>{t('actionEditors.createRecord.asHint')}</p>
    </div>
  );
}

/** createRecord: which entity, its field values (fixed, an expression, or an earlier new record) and the links between the two. */
export const createRecordEditor = defineActionEditor<CreateRecordParams, CreateRecordState>({
  toState: createRecordToState,
  toParams: createRecordToParams,
  Editor: CreateRecordEditor,
});
