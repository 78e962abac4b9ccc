import type { EntityDefinition } from '@tessera/metadata';
import { joinTableName } from '../schema/join-table-name';
import type { ExpandNode } from './query-types';
import type { QueryContext } from './resolve-field-path';

/** One relation step from an entity, as expand and relation paths both follow it. */
export type RelationStep = Omit<ExpandNode, 'children'>;

const own = (entity: EntityDefinition, name: string) => Object.prototype.hasOwnProperty.call(entity.properties, name);

/** The many-to-one target of `name` on `entity`, or undefined when it is not a relation. */
export function relationTarget(name: string, entity: EntityDefinition, ctx: QueryContext): EntityDefinition | undefined {
  if (!own(entity, name)) return undefined;
  const relation = entity.properties[name]['x-relation'];
  if (!relation || relation.kind !== 'many-to-one') return undefined;
  return ctx.entities.find((e) => e['x-name'] === relation.entity);
}

/**
 * A declared one-to-many or many-to-many field of `entity` (`contacts`, `tags`). A one-to-many
 * counts only while the child's link field is known (in the user's view of the child): a
 * hidden link is not followed, exactly as if it did not exist.
 */
function collectionRelation(segment: string, entity: EntityDefinition, ctx: QueryContext): RelationStep | undefined {
  if (!own(entity, segment)) return undefined;
  const relation = entity.properties[segment]['x-relation'];
  const target = relation && ctx.entities.find((e) => e['x-name'] === relation.entity);
  if (!relation || !target) return undefined;
  if (relation.kind === 'one-to-many' && relation.field && own(target, relation.field)) {
    return { name: segment, kind: 'one-to-many', column: relation.field, entity: relation.entity };
  }
  if (relation.kind === 'many-to-many') return { name: segment, kind: 'many-to-many', column: 'left_id', entity: relation.entity, joinTable: joinTableName(entity['x-name'], segment) };
  return undefined;
}

/**
 * One segment of a relation path from `entity`: a many-to-one relation field of it
 * (`customer`), a declared one-to-many / many-to-many field, or the plural of an entity with
 * exactly one many-to-one relation to it (`contacts`: the one-to-many inverse). A string is
 * the reason it is none of these.
 */
export function relationStep(segment: string, entity: EntityDefinition, ctx: QueryContext): RelationStep | string {
  const target = relationTarget(segment, entity, ctx);
  if (target) return { name: segment, kind: 'many-to-one', column: segment, entity: target['x-name'] };
  const declared = collectionRelation(segment, entity, ctx);
  if (declared) return declared;
  const child = ctx.entities.find((e) => e['x-plural'] === segment);
  if (child) {
    const links = Object.entries(child.properties).filter(([, f]) => f['x-relation']?.kind === 'many-to-one' && f['x-relation'].entity === entity['x-name']);
    if (links.length === 1) return { name: segment, kind: 'one-to-many', column: links[0][0], entity: child['x-name'] };
    if (links.length > 1) return `"${segment}" links to ${entity['x-name']} through several fields (${links.map(([n]) => n).join(', ')}) and is ambiguous`;
  }
  return `"${segment}" is not a relation of ${entity['x-name']}`;
}
