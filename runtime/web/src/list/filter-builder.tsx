import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { localize, toLocale } from '../meta/localize';
import type { FieldTypeFacts } from '../field-types/field-type-facts';
import { operatorsFor, takesList, valueInputType } from './filter-operators';
import type { FilterCondition } from './list-query';

export interface FilterBuilderProps {
  entity: EntityDefinition;
  conditions: FilterCondition[];
  onChange: (conditions: FilterCondition[]) => void;
  /** The app's field types; undefined while they load (rows cannot be added yet). */
  facts: FieldTypeFacts | undefined;
}

/**
 * Rows of field → operator (exactly those the API accepts for the field, from its type) → value;
 * all rows are ANDed. Fields with no operator (a virtual formula) are not offered.
 */
export function FilterBuilder({ entity, conditions, onChange, facts }: FilterBuilderProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const fields = facts ? Object.entries(entity.properties).filter(([, f]) => operatorsFor(facts, f).length > 0) : [];
  const update = (index: number, patch: Partial<FilterCondition>) => onChange(conditions.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const add = () => {
    if (!facts || fields.length === 0) return;
    const [name, field] = fields[0];
    onChange([...conditions, { field: name, op: operatorsFor(facts, field)[0], value: '' }]);
  };

  return (
    <div className="t-filters" data-testid="filter-builder">
      {conditions.map((c, index) => {
        const field = entity.properties[c.field];
        if (!field || !facts) return null;
        const input = valueInputType(facts, field, c.op);
        return (
          <div className="t-filter-row" key={index} data-testid="filter-row">
            <select aria-label={t('list.filterField')} data-testid="filter-field" value={c.field}
              onChange={(e) => update(index, { field: e.target.value, op: operatorsFor(facts, entity.properties[e.target.value])[0], value: '' })}>
              {fields.map(([name, f]) => <option key={name} value={name}>{localize(f['x-label'], locale)}</option>)}
            </select>
            <select aria-label={t('list.filterOperator')} data-testid="filter-op" value={c.op} onChange={(e) => update(index, { op: e.target.value as FilterCondition['op'], value: '' })}>
              {operatorsFor(facts, field).map((op) => <option key={op} value={op}>{t(`operators.${op}`)}</option>)}
            </select>
            {input === 'boolean' ? (
              <select aria-label={t('list.filterValue')} data-testid="filter-value" value={c.value || 'true'} onChange={(e) => update(index, { value: e.target.value })}>
                <option value="true">{t('list.yes')}</option>
                <option value="false">{t('list.no')}</option>
              </select>
            ) : input === 'select' ? (
              <select aria-label={t('list.filterValue')} data-testid="filter-value" value={c.value} onChange={(e) => update(index, { value: e.target.value })}>
                <option value="">{t('form.selectPlaceholder')}</option>
                {field['x-options']!.map((o) => <option key={o.value} value={o.value}>{localize(o.label, locale)}</option>)}
              </select>
            ) : (
              <input aria-label={t('list.filterValue')} data-testid="filter-value" type={input} value={c.value}
                placeholder={takesList(c.op) ? t('list.listHint') : ''} onChange={(e) => update(index, { value: e.target.value })} />
            )}
            <button type="button" className="t-btn t-btn-ghost" aria-label={t('list.removeFilter')} data-testid="filter-remove" onClick={() => onChange(conditions.filter((_, i) => i !== index))}>×</button>
          </div>
        );
      })}
      <button type="button" className="t-btn t-btn-ghost" data-testid="filter-add" disabled={!facts || fields.length === 0} onClick={add}>+ {t('list.addFilter')}</button>
    </div>
  );
}
