import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { toLocale } from '../meta/localize';
import type { FieldTypeFacts } from '../field-types/field-type-facts';
import { UserPicker } from '../users/user-picker';
import { UserListValue } from './user-list-value';
import { filterChoices, type FilterChoice } from './filter-choices';
import { FilterValue, TextValue } from './filter-value';
import type { FilterCondition } from './list-query';
import type { RelatedFilter } from './related-filters';
import type { ListOperator } from './system-filters';

export interface FilterBuilderProps {
  entity: EntityDefinition;
  conditions: FilterCondition[];
  onChange: (conditions: FilterCondition[]) => void;
  /** The app's field types; undefined while they load (rows cannot be added yet). */
  facts: FieldTypeFacts | undefined;
  /** System columns the user may not see (their hidden fields): not offered. */
  hidden?: readonly string[];
  /** Fields of related records offered to this user (related-filters.ts): "Customer › Industry". */
  related?: readonly RelatedFilter[];
}

/** The picker's options: own fields and system filters, then one group per relation. */
function FieldOptions({ choices }: { choices: readonly FilterChoice[] }) {
  const groups = [...new Set(choices.flatMap((c) => (c.group === undefined ? [] : [c.group])))];
  const option = (ch: FilterChoice) => <option key={ch.name} value={ch.name}>{ch.label}</option>;
  return (
    <>
      {choices.filter((c) => c.group === undefined).map(option)}
      {groups.map((g) => <optgroup key={g} label={g}>{choices.filter((c) => c.group === g).map(option)}</optgroup>)}
    </>
  );
}

/**
 * Rows of field → operator (exactly those the API accepts for the field, from its type) → value;
 * all rows are ANDed. Fields with no operator (a virtual formula) are not offered. The record's
 * owner, the owner's department and its created/updated times are offered too (system-filters.ts),
 * and the fields of records it links to (`customer.industry`); a user field's value is picked
 * from the user directory.
 */
export function FilterBuilder({ entity, conditions, onChange, facts, hidden = [], related }: FilterBuilderProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const choices = facts ? filterChoices({ entity, facts, hidden, related, t, locale }) : [];
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
        const onValue = (value: string) => update(index, { value });
        return (
          <div className="t-filter-row" key={index} data-testid="filter-row">
            <select aria-label={t('list.filterField')} data-testid="filter-field" value={c.field}
              onChange={(e) => update(index, { field: e.target.value, op: choiceOf(e.target.value)!.operators[0], value: '' })}>
              <FieldOptions choices={choices} />
            </select>
            <select aria-label={t('list.filterOperator')} data-testid="filter-op" value={c.op} onChange={(e) => update(index, { op: e.target.value as ListOperator, value: '' })}>
              {choice.operators.map((op) => <option key={op} value={op}>{t(`operators.${op}`)}</option>)}
            </select>
            {choice.kind === 'user' && (c.op === 'eq' || c.op === 'ne') ? (
              <UserPicker label={t('list.filterValue')} value={c.value} onChange={onValue} testId="filter-value" />
            ) : choice.kind === 'user' && c.op === 'in' ? (
              <UserListValue value={c.value} onChange={onValue} />
            ) : c.op === 'lastDays' ? (
              <span className="t-inline-form">
                <input aria-label={t('list.filterDays')} data-testid="filter-value" type="number" min={1} step={1} value={c.value} onChange={(e) => onValue(e.target.value)} />
                <span className="t-muted">{t('list.days')}</span>
              </span>
            ) : choice.kind === 'datetime' ? (
              // A bound set elsewhere (a dashboard's range) is an instant with the workspace's offset: its day shows.
              <input aria-label={t('list.filterValue')} data-testid="filter-value" type="date" value={c.value.slice(0, 10)} onChange={(e) => onValue(e.target.value)} />
            ) : choice.field ? (
              <FilterValue facts={facts} field={choice.field} condition={c} onValue={onValue} />
            ) : (
              <TextValue condition={c} onValue={onValue} />
            )}
            <button type="button" className="t-btn t-btn-ghost" aria-label={t('list.removeFilter')} data-testid="filter-remove" onClick={() => onChange(conditions.filter((_, i) => i !== index))}>×</button>
          </div>
        );
      })}
      <button type="button" className="t-btn t-btn-ghost" data-testid="filter-add" disabled={choices.length === 0} onClick={add}>+ {t('list.addFilter')}</button>
    </div>
  );
}
