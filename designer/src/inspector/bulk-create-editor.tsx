import { useTranslation } from 'react-i18next';
import type { BulkCreateChoice } from './bulk-create-choice';

export interface BulkCreateEditorProps {
  /** The parent entity's label (where the action shows). */
  parent: string;
  /** This entity's label (what is created). */
  child: string;
  value: BulkCreateChoice;
  /** The fields the action may ask for, with labels. */
  fields: string[];
  labelOf: (field: string) => string;
  onChange: (next: BulkCreateChoice) => void;
}

/** `x-relation.bulkCreate`: an action on the parent's list that creates one of these per selected parent. */
export function BulkCreateEditor({ parent, child, value, fields, labelOf, onChange }: BulkCreateEditorProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="d-on-delete" data-testid="edit-bulk-create">
      <legend>{t('bulkCreate.legend', { parent })}</legend>
      <label className="d-check">
        <input type="checkbox" data-testid="bulk-create-on" checked={value.on} onChange={(e) => onChange({ ...value, on: e.target.checked })} />
        <span>{t('bulkCreate.on', { parent, child })}</span>
      </label>
      {value.on && (
        <>
          <label className="d-label">{t('bulkCreate.labelEn')}<input data-testid="bulk-create-label-en" value={value.labelEn} onChange={(e) => onChange({ ...value, labelEn: e.target.value })} /></label>
          <label className="d-label">{t('bulkCreate.labelZh')}<input data-testid="bulk-create-label-zh" value={value.labelZh} onChange={(e) => onChange({ ...value, labelZh: e.target.value })} /></label>
          <fieldset className="d-wf-pair" data-testid="bulk-create-fields">
            <legend>{t('bulkCreate.fields')}</legend>
            {fields.map((f) => (
              <label key={f} className="d-check">
                <input type="checkbox" data-testid={`bulk-create-field-${f}`} checked={value.fields.includes(f)}
                  onChange={(e) => onChange({ ...value, fields: e.target.checked ? [...value.fields, f] : value.fields.filter((x) => x !== f) })} />
                {labelOf(f)}
              </label>
            ))}
          </fieldset>
        </>
      )}
    </fieldset>
  );
}
