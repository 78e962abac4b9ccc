import type { EntityDefinition } from '@tessera/metadata';

/**
 * Dependent pickers, the generic rule (no metadata keyword yet): in a form of entity E, a
 * many-to-one field B pointing at entity Y is narrowed by every other many-to-one field A of E
 * pointing at entity X (X ≠ Y) when Y itself has exactly one many-to-one field L pointing at X
 * and A has a value: B's choices are `filter[L]=<A's value>`. So a follow-up's contact picker
 * lists the contacts of the chosen customer (contact.customer), and its opportunity picker the
 * customer's opportunities. Y with two links to X (a "billing" and a "shipping" customer) is
 * ambiguous and not narrowed.
 *
 * Returns the list API's bracket filters (docs/api.md), e.g. `{ "filter[customer]": "<id>" }`.
 */
export function dependentFilter(
  entity: EntityDefinition | undefined,
  field: string,
  formData: Readonly<Record<string, unknown>> | undefined,
  entities: readonly EntityDefinition[],
): Record<string, string> {
  const out: Record<string, string> = {};
  const relation = entity?.properties[field]?.['x-relation'];
  if (!entity || relation?.kind !== 'many-to-one') return out;
  const target = entities.find((e) => e['x-name'] === relation.entity);
  if (!target) return out;
  for (const [name, def] of Object.entries(entity.properties)) {
    const other = def['x-relation'];
    if (name === field || other?.kind !== 'many-to-one' || other.entity === relation.entity) continue;
    const value = formData?.[name];
    if (typeof value !== 'string' || value === '') continue;
    const links = Object.entries(target.properties)
      .filter(([, f]) => f['x-relation']?.kind === 'many-to-one' && f['x-relation'].entity === other.entity)
      .map(([linkName]) => linkName);
    if (links.length === 1) out[`filter[${links[0]}]`] = value;
  }
  return out;
}
