import { useTranslation } from 'react-i18next';
import type { SelectOption } from '@tessera/metadata';
import { localize } from '../localize';
import { startChoice, TRANSFER_KINDS, type TransferChoice } from './transfer-rule';

export interface OnTransferSelectProps {
  /** The parent entity's label. */
  target: string;
  value: TransferChoice;
  /** The child's fields an open-by-field rule can name, with labels and (selects) options. */
  fields: { select: string[]; date: string[] };
  labelOf: (field: string) => string;
  optionsOf: (field: string) => SelectOption[];
  workflow: boolean;
  onChange: (next: TransferChoice) => void;
}

/** Whether this record follows its parent to a new owner: stays, follows, or follows while open (by workflow, a field, or a date). */
export function OnTransferSelect({ target, value, fields, labelOf, optionsOf, workflow, onChange }: OnTransferSelectProps) {
  const { t, i18n } = useTranslation();
  const kinds = TRANSFER_KINDS.filter((k) => (k === 'notIn' ? fields.select.length > 0 : k === 'fromNow' ? fields.date.length > 0 : k !== 'open' || workflow || value.kind === 'open'));
  return (
    <fieldset className="d-on-delete" data-testid="edit-on-transfer">
      <legend>{t('onTransfer.legend', { target })}</legend>
      {kinds.map((k) => (
        <label key={k} className="d-check">
          <input type="radio" name="on-transfer" value={k} data-testid={`on-transfer-${k}`} checked={value.kind === k} onChange={() => onChange(startChoice(k, fields))} />
          <span><strong>{t(`onTransfer.${k}.label`)}</strong> — <span className="d-hint" style={{ display: 'inline' }}>{t(`onTransfer.${k}.hint`, { target })}</span></span>
        </label>
      ))}
      {value.kind === 'notIn' && (
        <>
          <label className="d-label">{t('onTransfer.field')}
            <select data-testid="on-transfer-field" value={value.field} onChange={(e) => onChange({ kind: 'notIn', field: e.target.value, values: [] })}>
              {fields.select.map((f) => <option key={f} value={f}>{labelOf(f)}</option>)}
            </select>
          </label>
          <fieldset className="d-wf-pair" data-testid="on-transfer-values">
            <legend>{t('onTransfer.values')}</legend>
            {optionsOf(value.field).map((o) => (
              <label key={o.value} className="d-check"><input type="checkbox" data-testid={`on-transfer-value-${o.value}`} checked={value.values.includes(o.value)}
                onChange={(e) => onChange({ ...value, values: e.target.checked ? [...value.values, o.value] : value.values.filter((v) => v !== o.value) })} />{localize(o.label, i18n.language) || o.value}</label>
            ))}
          </fieldset>
        </>
      )}
      {value.kind === 'fromNow' && (
        <label className="d-label">{t('onTransfer.date')}
          <select data-testid="on-transfer-field" value={value.field} onChange={(e) => onChange({ kind: 'fromNow', field: e.target.value })}>
            {fields.date.map((f) => <option key={f} value={f}>{labelOf(f)}</option>)}
          </select>
        </label>
      )}
    </fieldset>
  );
}
