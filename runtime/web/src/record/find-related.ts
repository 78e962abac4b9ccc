import type { EntityDefinition } from '@tessera/metadata';
import { routeToHash } from '../shell/use-hash-route';

/** A one-to-many list on a record page: `child` records whose `field` points at this record. */
export interface RelatedList {
  child: EntityDefinition;
  field: string;
}

/** Every many-to-one field of any entity that points at `entity` (a customer's contacts, …). */
export function findRelated(entity: EntityDefinition, entities: readonly EntityDefinition[]): RelatedList[] {
  const out: RelatedList[] = [];
  for (const child of entities) {
    for (const [field, def] of Object.entries(child.properties)) {
      const rel = def['x-relation'];
      if (rel?.kind === 'many-to-one' && rel.entity === entity['x-name']) out.push({ child, field });
    }
  }
  return out;
}

/** The "+ New" link of a related list: the child's new-record page with the relation to this record filled in. */
export const newRelatedHref = (child: EntityDefinition, field: string, recordId: string) =>
  routeToHash({ plural: child['x-plural'], isNew: true, prefill: { [field]: recordId } });
