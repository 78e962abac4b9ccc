import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { localize, toLocale } from '../meta/localize';
import type { FieldTypeFacts } from '../field-types/field-type-facts';
import { isUserField } from '../records/cell-value';
import { UserPicker } from '../users/user-picker';
import { operatorsFor, takesList, valueInputType } from './filter-operators';
import type { FilterCondition } from './list-query';
import { SYSTEM_FILTERS, type ListOperator } from './system-filters';

export interface FilterBuilderProps {
  entity: EntityDefinition;
  conditions: FilterCondition[];
  onChange: (conditions: FilterCondition[]) => void;
  /** The app's field types; undefined while they load (rows cannot be added yet). */
  facts: FieldTypeFacts | undefined;
  /** System columns the user may not see (their hidden fields): not offered. */
  hidden?: readonly string[];
}

interface Choice { name: string; label: string; operators: readonly ListOperator[]; kind: 'user' | 'datetime' | 'field' }

/**
 * Rows of field → operator (exactly those the API accepts for the field, from its type) → value;
 * all rows are ANDed. Fields with no operator (a virtual formula) are not offered. The record's
 * owner and its created/updated times are offered too (system-filters.ts); a user field's value
 * is picked from the user directory.
 */
export function FilterBuilder({ entity, conditions, onChange, facts, hidden = [] }: FilterBuilderProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const choices: Choice[] = facts
    ? [
        ...Object.entries(entity.properties)
          .filter(([, f]) => operatorsFor(facts, f).length > 0)
          .map(([name, f]): Choice => ({ name, label: localize(f['x-label'], locale), operators: operatorsFor(facts, f), kind: f['x-type'] === 'user' ? 'user' : 'field' })),
        ...Object.entries(SYSTEM_FILTERS)
          .filter(([name]) => !Object.hasOwn(entity.properties, name) && !hidden.includes(name))
          .map(([name, s]): Choice => ({ name, label: t(`system.${name}`), operators: s.operators, kind: s.kind })),
      ]
    : [];
  const choiceOf = (name: string) => choices.find((c) => c.name === name);
  const update = (index: number, patch: Partial<FilterCondition>) => onChange(conditions.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const add = () => {
    if (choices.length === 0) return;
    onChange([...conditions, { field: choices[0].name, op: choices[0].operators[0], value: '' }]);
  };

  return (
    <div className="t-filters" data-testid="filter-builder">
      {conditions.map((c, index) => {
        const choice = choiceOf(c.field);
        if (!choice || !facts) return null;
        const field = entity.properties[c.field];
        const userValue = (choice.kind === 'user' || isUserField(c.field, field)) && (c.op === 'eq' || c.op === 'ne');
        return (
          <div className="t-filter-row" key={index} data-testid="filter-row">
            <select aria-label={t('list.filterField')} data-testid="filter-field" value={c.field}
              onChange={(e) => update(index, { field: e.target.value, op: choiceOf(e.target.value)!.operators[0], value: '' })}>
              {choices.map((ch) => <option key={ch.name} value={ch.name}>{ch.label}</option>)}
            </select>
            <select aria-label={t('list.filterOperator')} data-testid="filter-op" value={c.op} onChange={(e) => update(index, { op: e.target.value as ListOperator, value: '' })}>
              {choice.operators.map((op) => <option key={op} value={op}>{t(`operators.${op}`)}</option>)}
            </select>
            {userValue ? (
              <UserPicker label={t('list.filterValue')} value={c.value} onChange={(value) => update(index, { value })} testId="filter-value" />
            ) : c.op === 'lastDays' ? (
              <span className="t-inline-form">
                <input aria-label={t('list.filterDays')} data-testid="filter-value" type="number" min={1} step={1} value={c.value} onChange={(e) => update(index, { value: e.target.value })} />
                <span className="t-muted">{t('list.days')}</span>
              </span>
            ) : choice.kind === 'datetime' ? (
              <input aria-label={t('list.filterValue')} data-testid="filter-value" type="date" value={c.value} onChange={(e) => update(index, { value: e.target.value })} />
            ) : (
              <FieldValue facts={facts} entity={entity} condition={c} onValue={(value) => update(index, { value })} />
            )}
            <button type="button" className="t-btn t-btn-ghost" aria-label={t('list.removeFilter')} data-testid="filter-remove" onClick={() => onChange(conditions.filter((_, i) => i !== index))}>×</button>
          </div>
        );
      })}
      <button type="button" className="t-btn t-btn-ghost" data-testid="filter-add" disabled={choices.length === 0} onClick={add}>+ {t('list.addFilter')}</button>
    </div>
  );
}

/** The value input of an entity field, from its value kind. */
function FieldValue({ facts, entity, condition: c, onValue }: { facts: FieldTypeFacts; entity: EntityDefinition; condition: FilterCondition; onValue: (value: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const field = entity.properties[c.field];
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
  return (
    <input aria-label={t('list.filterValue')} data-testid="filter-value" type={input} value={c.value}
      placeholder={takesList(c.op) ? t('list.listHint') : ''} onChange={(e) => onValue(e.target.value)} />
  );
}
