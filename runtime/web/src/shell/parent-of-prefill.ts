import type { EntityDefinition } from '@tessera/metadata';
import type { Route } from './use-hash-route';

/**
 * The record a new one was started from: `#/contacts/new?customer=<id>` (a related list's
 * "+ New") names its parent by a many-to-one field. Saving or cancelling returns there, not to
 * the child's list. With several references prefilled, the first one that is a relation wins.
 */
export function parentOfPrefill(entity: EntityDefinition, entities: readonly EntityDefinition[], prefill: Readonly<Record<string, string>> | undefined): Route | undefined {
  for (const [field, id] of Object.entries(prefill ?? {})) {
    const relation = Object.hasOwn(entity.properties, field) ? entity.properties[field]['x-relation'] : undefined;
    if (relation?.kind !== 'many-to-one' || !id) continue;
    const target = entities.find((e) => e['x-name'] === relation.entity);
    if (target) return { plural: target['x-plural'], recordId: id };
  }
  return undefined;
}
