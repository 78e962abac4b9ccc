import type { AppDefinition, EntityDefinition, FieldDefinition } from '@tessera/metadata';
import type { Capabilities } from '../api/capabilities-api';
import type { FieldTypeFacts } from '../field-types/field-type-facts';
import type { FilterOperator } from './filter-operators';

/** A field of a related record a list can be filtered by: `customer.industry` on contacts ("Customer › Industry"). */
export interface RelatedFilter {
  /** The API's relation path, `<relation field>.<target field>`. */
  path: string;
  /** The list entity's many-to-one field (the first half of the label). */
  relation: FieldDefinition;
  /** The related entity's field: its label, options and value kind. */
  field: FieldDefinition;
  /** Exactly what the list-query parser accepts for the target field (`facts.operators`). */
  operators: readonly FilterOperator[];
}

/**
 * The related fields one hop over each many-to-one relation of `entity`, as the API takes them
 * from this user (docs/api.md, relation paths): a relation into an entity they may not read
 * leads nowhere (the API knows none of its fields for them), a field hidden from them is an
 * unknown field, and a field with no operator (a virtual formula) cannot be filtered. The
 * target's own relation fields are left out: their value is a record id, which nobody types.
 */
export function relatedFilters(app: AppDefinition, entity: EntityDefinition, facts: FieldTypeFacts, caps: Capabilities): RelatedFilter[] {
  const hiddenHere = new Set(caps.entities[entity['x-name']]?.hidden ?? []);
  const out: RelatedFilter[] = [];
  for (const [name, relation] of Object.entries(entity.properties)) {
    const link = relation['x-relation'];
    if (!link || link.kind !== 'many-to-one' || hiddenHere.has(name)) continue;
    const target = app.entities.find((e) => e['x-name'] === link.entity);
    const grant = caps.entities[link.entity];
    if (!target || !grant?.actions.includes('read')) continue;
    const hidden = new Set(grant.hidden);
    for (const [fieldName, field] of Object.entries(target.properties)) {
      if (hidden.has(fieldName) || field['x-relation']) continue;
      const operators = facts.operators(field);
      if (operators.length > 0) out.push({ path: `${name}.${fieldName}`, relation, field, operators });
    }
  }
  return out;
}

/**
 * The field a filter row names: the entity's own, or an offered related one (`customer.industry`);
 * undefined for a system column or a path not offered (which the list leaves out of its query).
 */
export function filterField(entity: EntityDefinition, related: readonly RelatedFilter[] | undefined, name: string): FieldDefinition | undefined {
  if (Object.hasOwn(entity.properties, name)) return entity.properties[name];
  return related?.find((r) => r.path === name)?.field;
}
