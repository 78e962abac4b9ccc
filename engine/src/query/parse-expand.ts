import type { EntityDefinition } from '@tessera/metadata';
import { joinTableName } from '../schema/join-table-name';
import type { ExpandNode, QueryError } from './query-types';
import { QUERY_LIMITS } from './query-types';
import { relationTarget, type QueryContext } from './resolve-field-path';

const MAX_EXPAND_PATHS = 10;

/**
 * One segment of an expand path from `entity`: a many-to-one relation field of it
 * (`customer`), or the plural of an entity with exactly one many-to-one relation to it
 * (`contacts`: the one-to-many inverse), or a declared one-to-many / many-to-many field.
 */
function expandStep(segment: string, entity: EntityDefinition, ctx: QueryContext): Omit<ExpandNode, 'children'> | string {
  const target = relationTarget(segment, entity, ctx);
  if (target) return { name: segment, kind: 'many-to-one', column: segment, entity: target['x-name'] };
  const declared = collectionRelation(segment, entity, ctx);
  if (declared) return declared;
  const child = ctx.entities.find((e) => e['x-plural'] === segment);
  if (child) {
    const links = Object.entries(child.properties).filter(
      ([, f]) => f['x-relation']?.kind === 'many-to-one' && f['x-relation'].entity === entity['x-name'],
    );
    if (links.length === 1) return { name: segment, kind: 'one-to-many', column: links[0][0], entity: child['x-name'] };
    if (links.length > 1) return `"${segment}" links to ${entity['x-name']} through several fields (${links.map(([n]) => n).join(', ')}); expand is ambiguous`;
  }
  return `"${segment}" is not a relation of ${entity['x-name']}`;
}

/** A one-to-many or many-to-many field declared on `entity` (`contacts`, `tags`). */
function collectionRelation(segment: string, entity: EntityDefinition, ctx: QueryContext): Omit<ExpandNode, 'children'> | undefined {
  if (!Object.prototype.hasOwnProperty.call(entity.properties, segment)) return undefined;
  const relation = entity.properties[segment]['x-relation'];
  if (!relation || !ctx.entities.some((e) => e['x-name'] === relation.entity)) return undefined;
  if (relation.kind === 'one-to-many' && relation.field) return { name: segment, kind: 'one-to-many', column: relation.field, entity: relation.entity };
  if (relation.kind === 'many-to-many') return { name: segment, kind: 'many-to-many', column: 'left_id', entity: relation.entity, joinTable: joinTableName(entity['x-name'], segment) };
  return undefined;
}

/** `expand=customer,customer.owner_user,contacts` → a tree; a prefix is implied by a longer path. */
export function parseExpand(raw: string | string[] | undefined, ctx: QueryContext, errors: QueryError[]): ExpandNode[] {
  if (raw === undefined || raw === '') return [];
  if (Array.isArray(raw)) {
    errors.push({ parameter: 'expand', message: 'must be given once, e.g. expand=customer,customer.owner' });
    return [];
  }
  const paths = raw.split(',');
  if (paths.length > MAX_EXPAND_PATHS) {
    errors.push({ parameter: 'expand', message: `names more than ${MAX_EXPAND_PATHS} relations` });
    return [];
  }
  const roots: ExpandNode[] = [];
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > QUERY_LIMITS.maxExpandDepth) {
      errors.push({ parameter: 'expand', message: `"${path}" is deeper than ${QUERY_LIMITS.maxExpandDepth} levels` });
      continue;
    }
    let level = roots;
    let entity = ctx.entity;
    for (const segment of segments) {
      const step = expandStep(segment, entity, ctx);
      if (typeof step === 'string') {
        errors.push({ parameter: 'expand', message: step });
        break;
      }
      let node = level.find((n) => n.name === step.name);
      if (!node) level.push((node = { ...step, children: [] }));
      level = node.children;
      entity = ctx.entities.find((e) => e['x-name'] === step.entity) ?? entity;
    }
  }
  return roots;
}
