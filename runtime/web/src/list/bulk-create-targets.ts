import type { AppDefinition, BulkCreateSpec, EntityDefinition } from '@tessera/metadata';
import type { Capabilities } from '../api/capabilities-api';

/** A "create one for each" action offered on a parent's list: the child entity, its link field and what it asks. */
export interface BulkCreateTarget {
  child: EntityDefinition;
  /** The child's many-to-one field that points at the parent. */
  field: string;
  spec: BulkCreateSpec;
}

/**
 * The child entities whose link to `parent` declares `bulkCreate`, where this user may create
 * the child and set its link and every field the action asks for (so the server would accept it).
 */
export function bulkCreateTargets(app: AppDefinition, parent: EntityDefinition, caps: Capabilities | undefined): BulkCreateTarget[] {
  if (!caps) return [];
  const targets: BulkCreateTarget[] = [];
  for (const child of app.entities) {
    const grant = caps.entities[child['x-name']];
    if (!grant?.actions.includes('create')) continue;
    const locked = new Set([...grant.hidden, ...grant.readOnly]);
    for (const [field, def] of Object.entries(child.properties)) {
      const relation = def['x-relation'];
      if (relation?.kind !== 'many-to-one' || relation.entity !== parent['x-name'] || !relation.bulkCreate) continue;
      if ([field, ...relation.bulkCreate.fields].some((name) => locked.has(name))) continue;
      targets.push({ child, field, spec: relation.bulkCreate });
    }
  }
  return targets;
}
