import type { EntityDefinition, FieldDefinition } from '@tessera/metadata';
import { localize } from '../meta/localize';
import type { FieldTypeFacts } from '../field-types/field-type-facts';
import { operatorsFor } from './filter-operators';
import type { RelatedFilter } from './related-filters';
import { SYSTEM_FILTERS, type ListOperator } from './system-filters';

/** What a filter row's field picker offers. */
export interface FilterChoice {
  /** The filter's field as the API names it: an own field, a system column, or a relation path. */
  name: string;
  label: string;
  operators: readonly ListOperator[];
  /** How its value is picked: a user, a day, a typed text, or by the field's own kind (`field`). */
  kind: 'user' | 'datetime' | 'text' | 'field';
  /** The field the value belongs to (own or related); none for a system column. */
  field?: FieldDefinition;
  /** A related field's relation label: the picker groups them under it. */
  group?: string;
}

/** The i18n function, as much of it as the labels need. */
export type Translate = (key: string, options?: Record<string, string>) => string;

export interface FilterChoiceSource {
  entity: EntityDefinition;
  facts: FieldTypeFacts;
  /** System columns the user may not see (their hidden fields). */
  hidden?: readonly string[];
  /** Related fields offered to this user (related-filters.ts). */
  related?: readonly RelatedFilter[];
  t: Translate;
  locale: string;
}

const kindOf = (field: FieldDefinition): FilterChoice['kind'] => (field['x-type'] === 'user' ? 'user' : 'field');

/**
 * The entity's fields that have operators, then the system filters (owner, the owner's
 * department, created/updated) unless hidden or shadowed by a field of the same name, then the
 * related records' fields, labelled "Customer › Industry" (the relation's label, then the field's).
 */
export function filterChoices({ entity, facts, hidden = [], related = [], t, locale }: FilterChoiceSource): FilterChoice[] {
  const own = Object.entries(entity.properties)
    .filter(([, f]) => operatorsFor(facts, f).length > 0)
    .map(([name, f]): FilterChoice => ({ name, label: localize(f['x-label'], locale), operators: operatorsFor(facts, f), kind: kindOf(f), field: f }));
  const system = Object.entries(SYSTEM_FILTERS)
    .filter(([, s]) => !Object.hasOwn(entity.properties, s.column) && !hidden.includes(s.column))
    .map(([name, s]): FilterChoice => ({ name, label: t(s.label), operators: s.operators, kind: s.kind }));
  const others = related.map((r): FilterChoice => {
    const group = localize(r.relation['x-label'], locale);
    return { name: r.path, label: t('list.relatedField', { relation: group, field: localize(r.field['x-label'], locale) }), operators: r.operators, kind: kindOf(r.field), field: r.field, group };
  });
  return [...own, ...system, ...others];
}
