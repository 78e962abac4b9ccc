import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { localize, toLocale } from '../meta/localize';
import { operatorsFor, valueInputType } from './filter-operators';
import type { FilterCondition } from './list-query';

export interface FilterBuilderProps {
  entity: EntityDefinition;
  conditions: FilterCondition[];
  onChange: (conditions: FilterCondition[]) => void;
}

/** Rows of field → operator (only those valid for the field's type) → value; all rows are ANDed. */
export function FilterBuilder({ entity, conditions, onChange }: FilterBuilderProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const fields = Object.entries(entity.properties);
  const update = (index: number, patch: Partial<FilterCondition>) => onChange(conditions.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const add = () => {
    const [name, field] = fields[0];
    onChange([...conditions, { field: name, op: operatorsFor(field)[0], value: '' }]);
  };

  return (
    <div className="t-filters" data-testid="filter-builder">
      {conditions.map((c, index) => {
        const field = entity.properties[c.field];
        if (!field) return null;
        const input = valueInputType(field, c.op);
        return (
          <div className="t-filter-row" key={index} data-testid="filter-row">
            <select aria-label={t('list.filterField')} data-testid="filter-field" value={c.field}
              onChange={(e) => update(index, { field: e.target.value, op: operatorsFor(entity.properties[e.target.value])[0], value: '' })}>
              {fields.map(([name, f]) => <option key={name} value={name}>{localize(f['x-label'], locale)}</option>)}
            </select>
            <select aria-label={t('list.filterOperator')} data-testid="filter-op" value={c.op} onChange={(e) => update(index, { op: e.target.value as FilterCondition['op'], value: '' })}>
              {operatorsFor(field).map((op) => <option key={op} value={op}>{t(`operators.${op}`)}</option>)}
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
                placeholder={c.op === 'between' || c.op === 'in' || c.op === 'nin' ? t('list.listHint') : ''} onChange={(e) => update(index, { value: e.target.value })} />
            )}
            <button type="button" className="t-btn t-btn-ghost" aria-label={t('list.removeFilter')} data-testid="filter-remove" onClick={() => onChange(conditions.filter((_, i) => i !== index))}>×</button>
          </div>
        );
      })}
      <button type="button" className="t-btn t-btn-ghost" data-testid="filter-add" onClick={add}>+ {t('list.addFilter')}</button>
    </div>
  );
}
