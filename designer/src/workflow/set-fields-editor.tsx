import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { localize } from '../localize';
import { defineActionEditor, type ActionEditorProps } from './action-editor-types';
import { FieldValueInput } from './field-value-input';
import { emptyValue, objectOf, rowsOf, writableFields, type FieldRow } from './field-rows';

interface SetFieldsParams { fields: Record<string, unknown> }
interface SetFieldsState { rows: FieldRow[] }

/** A picker of the fields still free to add; picking one adds a row. */
export function AddFieldSelect({ id, entity, rows, onAdd }: { id: string; entity?: EntityDefinition; rows: readonly FieldRow[]; onAdd: (field: string) => void }) {
  const { t, i18n } = useTranslation();
  const free = writableFields(entity, rows);
  return (
    <label className="d-label">{t('actionEditors.addField')}
      <select data-testid={`${id}-add-field`} value="" disabled={free.length === 0} onChange={(e) => e.target.value && onAdd(e.target.value)}>
        <option value="">…</option>
        {free.map((f) => <option key={f} value={f}>{localize(entity?.properties[f]?.['x-label'], i18n.language) || f}</option>)}
      </select>
    </label>
  );
}

function SetFieldsEditor({ id, state, context, onChange }: ActionEditorProps<SetFieldsState>) {
  const { t, i18n } = useTranslation();
  const { source } = context;
  const put = (i: number, value: unknown) => onChange({ rows: state.rows.map((r, j) => (j === i ? { ...r, value } : r)) });
  return (
    <div className="d-wf-params" data-testid={`${id}-params`}>
      <p className="d-hint">{t('actionEditors.setFields.hint')}</p>
      {state.rows.length === 0 && <p className="d-error" role="alert">{t('actionEditors.setFields.none')}</p>}
      <ul className="d-wf-rows">
        {state.rows.map((r, i) => (
          <li key={r.field} className="d-wf-row" data-testid={`${id}-field-${r.field}`}>
            <strong>{localize(source?.properties[r.field]?.['x-label'], i18n.language) || r.field}</strong>
            {source && !source.properties[r.field] && <span className="d-error">{t('actionEditors.noSuchField', { field: r.field })}</span>}
            <FieldValueInput id={`${id}-value-${r.field}`} field={source?.properties[r.field]} value={r.value} onChange={(v) => put(i, v)} />
            <button type="button" className="d-btn d-btn-ghost" data-testid={`${id}-remove-${r.field}`} aria-label={t('actionEditors.removeField', { field: r.field })}
              onClick={() => onChange({ rows: state.rows.filter((_, j) => j !== i) })}>✕</button>
          </li>
        ))}
      </ul>
      <AddFieldSelect id={id} entity={source} rows={state.rows} onAdd={(field) => onChange({ rows: [...state.rows, { field, value: emptyValue(source, field) }] })} />
    </div>
  );
}

/** setFields: the fields of the record to write, each with a value its type's control gives. */
export const setFieldsEditor = defineActionEditor<SetFieldsParams, SetFieldsState>({
  toState: (p) => ({ rows: rowsOf(p.fields) }),
  toParams: (s) => ({ fields: objectOf(s.rows) }),
  Editor: SetFieldsEditor,
});
