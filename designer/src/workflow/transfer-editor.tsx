import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { localize } from '../localize';
import { defineActionEditor, type ActionEditorProps } from './action-editor-types';
import {
  recordChoices, transferEntities, transferToParams, transferToState, userChoices, withEntity, type TransferChoice, type TransferParams, type TransferState,
} from './transfer-choices';

/**
 * The transferRecord action as a person sets it up: what to hand over, which one (a relation
 * field of the workflow's record, picked, not typed) and to whom (a user field, or whoever takes
 * the step). An expression written by hand stays and shows as such.
 */
function TransferEditor({ id, state, context, onChange }: ActionEditorProps<TransferState>) {
  const { t, i18n } = useTranslation();
  const { source, entities } = context;
  if (!source) return <p className="d-error" role="alert" data-testid={`${id}-params`}>{t('actionEditors.noSource')}</p>;
  const value = transferToParams(state);
  const label = (e: EntityDefinition | undefined, field: string) => localize(e?.properties[field]?.['x-label'], i18n.language) || field;
  const choiceLabel = (c: TransferChoice) => (c.field === 'this' ? t('workflow.transfer.thisRecord') : c.field === 'actor' ? t('workflow.transfer.actor') : label(source, c.field));
  const targets = transferEntities(source, entities);
  const records = value.entity ? recordChoices(source, value.entity) : [];
  const users = userChoices(source);
  // A hand-written expression is kept as an option of its own, so opening the editor changes nothing.
  const own = (expr: string | undefined, choices: TransferChoice[]) => (expr && !choices.some((c) => c.expr === expr) ? <option value={expr}>{t('workflow.transfer.expression', { expr })}</option> : null);
  const targetName = (name: string) => localize(entities.find((e) => e['x-name'] === name)?.['x-label'], i18n.language) || name;
  return (
    <div className="d-wf-params" data-testid={`${id}-params`}>
      <label className="d-label">{t('workflow.transfer.entity')}
        <select data-testid={`${id}-entity`} value={value.entity ?? ''} onChange={(e) => e.target.value && onChange(transferToState(withEntity(value, source, e.target.value)))}>
          <option value="">…</option>
          {targets.map((e) => <option key={e['x-name']} value={e['x-name']}>{targetName(e['x-name'])}</option>)}
          {value.entity && !targets.some((e) => e['x-name'] === value.entity) && <option value={value.entity}>{value.entity}</option>}
        </select>
      </label>
      {value.entity && (
        <label className="d-label">{t('workflow.transfer.record', { entity: targetName(value.entity) })}
          <select data-testid={`${id}-record`} value={value.record?.$expr ?? ''} onChange={(e) => onChange({ ...state, record: e.target.value })}>
            {!value.record && <option value="">…</option>}
            {records.map((c) => <option key={c.expr} value={c.expr}>{choiceLabel(c)}</option>)}
            {own(value.record?.$expr, records)}
          </select>
        </label>
      )}
      {value.entity && records.length === 0 && !value.record && <p className="d-error" role="alert">{t('workflow.transfer.noRecord', { source: localize(source['x-label'], i18n.language), entity: targetName(value.entity) })}</p>}
      <label className="d-label">{t('workflow.transfer.to')}
        <select data-testid={`${id}-to`} value={value.to?.$expr ?? ''} onChange={(e) => onChange({ ...state, to: e.target.value })}>
          {!value.to && <option value="">…</option>}
          {users.map((c) => <option key={c.expr} value={c.expr}>{choiceLabel(c)}</option>)}
          {own(value.to?.$expr, users)}
        </select>
      </label>
      <p className="d-hint">{t('workflow.transfer.hint')}</p>
    </div>
  );
}

/** transferRecord: what to hand over, which one and to whom, each picked among the record's fields. */
export const transferEditor = defineActionEditor<TransferParams, TransferState>({ toState: transferToState, toParams: transferToParams, Editor: TransferEditor });
