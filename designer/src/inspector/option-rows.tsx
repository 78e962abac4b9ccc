import { useTranslation } from 'react-i18next';
import type { SelectOption } from '@tessera/metadata';
import { parseOptionList } from '../model/parse-option-list';

/**
 * Editable rows of select options: value plus English and Chinese labels, and one input that
 * takes the whole list at once ("draft, reviewing, won"), as options are usually known up front.
 */
export function OptionRows({ options, onChange }: { options: SelectOption[]; onChange: (next: SelectOption[]) => void }) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<{ value: string; en: string; zh: string }>) =>
    onChange(options.map((o, i) => (i !== index ? o : {
      value: patch.value ?? o.value,
      label: { en: patch.en ?? o.label.en, ...((patch.zh ?? o.label.zh) ? { zh: patch.zh ?? o.label.zh } : {}) },
    })));
  return (
    <fieldset className="d-options" data-testid="inspector-options">
      <legend>{t('inspector.options')}</legend>
      <label className="d-label">{t('inspector.optionList')}
        <input data-testid="option-list" placeholder="draft, reviewing, won" spellCheck={false}
          onChange={(e) => onChange(parseOptionList(e.target.value, options))} />
        <span className="d-hint">{t('inspector.optionListHint')}</span>
      </label>
      {options.map((option, index) => (
        <div key={index} className="d-option-row">
          <input aria-label={t('inspector.optionValue')} placeholder={t('inspector.optionValue')} value={option.value} data-testid={`option-value-${index}`}
            onChange={(e) => update(index, { value: e.target.value })} />
          <input aria-label={t('inspector.optionEn')} placeholder={t('inspector.optionEn')} value={option.label.en} data-testid={`option-en-${index}`}
            onChange={(e) => update(index, { en: e.target.value })} />
          <input aria-label={t('inspector.optionZh')} placeholder={t('inspector.optionZh')} value={option.label.zh ?? ''} data-testid={`option-zh-${index}`}
            onChange={(e) => update(index, { zh: e.target.value })} />
          <button type="button" className="d-btn d-btn-ghost" onClick={() => onChange(options.filter((_, i) => i !== index))}>{t('inspector.removeOption')}</button>
        </div>
      ))}
      <button type="button" className="d-btn" data-testid="option-add" onClick={() => onChange([...options, { value: '', label: { en: '' } }])}>+ {t('inspector.addOption')}</button>
    </fieldset>
  );
}
