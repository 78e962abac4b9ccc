import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '@tessera/metadata';
import { localize, toLocale } from '../meta/localize';
import type { FieldTypeFacts } from '../field-types/field-type-facts';
import { takesList, valueInputType } from './filter-operators';
import type { FilterCondition } from './list-query';

/**
 * The value input of a field's condition, from its value kind: yes/no, its options, a date or
 * time picker, a number box, else text (a comma-separated list for `in` and friends). The same
 * for an entity's own field and a related record's (`Customer › Industry`).
 */
export function FilterValue({ facts, field, condition: c, onValue }: { facts: FieldTypeFacts; field: FieldDefinition; condition: FilterCondition; onValue: (value: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const input = valueInputType(facts, field, c.op as Parameters<typeof valueInputType>[2]);
  if (input === 'boolean') {
    return (
      <select aria-label={t('list.filterValue')} data-testid="filter-value" value={c.value || 'true'} onChange={(e) => onValue(e.target.value)}>
        <option value="true">{t('list.yes')}</option>
        <option value="false">{t('list.no')}</option>
      </select>
    );
  }
  if (input === 'select') {
    return (
      <select aria-label={t('list.filterValue')} data-testid="filter-value" value={c.value} onChange={(e) => onValue(e.target.value)}>
        <option value="">{t('form.selectPlaceholder')}</option>
        {field['x-options']!.map((o) => <option key={o.value} value={o.value}>{localize(o.label, locale)}</option>)}
      </select>
    );
  }
  return <TextValue type={input} condition={c} onValue={onValue} />;
}

/** A typed value; a list operator's hint says the values are comma-separated. */
export function TextValue({ type = 'text', condition: c, onValue }: { type?: string; condition: FilterCondition; onValue: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <input aria-label={t('list.filterValue')} data-testid="filter-value" type={type} value={c.value}
      placeholder={takesList(c.op) ? t('list.listHint') : ''} onChange={(e) => onValue(e.target.value)} />
  );
}
