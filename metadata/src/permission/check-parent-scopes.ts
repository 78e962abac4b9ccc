import { entityViews, isRecord, type EntityView } from '../validation/app-views';
import { closestName } from '../validation/closest-name';
import { pointerOf } from '../validation/json-pointer';
import { metadataError } from '../validation/metadata-error';
import type { MetadataError } from '../validation/validation-types';

/** One `{ "parent": field }` scope: role `role` sees `entity` through `field`, which points at `target`. */
interface ParentEdge {
  role: string;
  entity: string;
  field: string;
  target: string;
  pointer: string;
}

const manyToOne = (entity: EntityView) =>
  entity.fields.filter((f) => isRecord(f.value['x-relation']) && f.value['x-relation'].kind === 'many-to-one').map((f) => f.name);

/**
 * What the meta-schema cannot say about "controlled by parent" scopes (`{ "parent": field }`):
 * the field is a many-to-one relation of the entity, the role may read the parent entity (its
 * scope there is what it sees of the children), and no chain of parent scopes — over all roles,
 * since a user may hold any of them together — returns to where it started: the SQL nests one
 * subquery per step, and a cycle would have no first step.
 */
export function checkParentScopes(app: unknown): MetadataError[] {
  const section = isRecord(app) && isRecord(app.permissions) ? app.permissions : undefined;
  if (!section || !isRecord(section.roles)) return [];
  const entities = new Map(entityViews(app).filter((e) => e.name).map((e) => [e.name!, e]));
  const errors: MetadataError[] = [];
  const edges: ParentEdge[] = [];
  for (const [role, def] of Object.entries(section.roles)) {
    if (!isRecord(def) || !isRecord(def.entities)) continue;
    for (const [entityName, perm] of Object.entries(def.entities)) {
      const entity = entities.get(entityName);
      const scope = isRecord(perm) ? perm.scope : undefined;
      if (!entity || !isRecord(scope) || typeof scope.parent !== 'string') continue;
      const at = pointerOf('permissions', 'roles', role, 'entities', entityName, 'scope', 'parent');
      const field = entity.fields.find((f) => f.name === scope.parent);
      const relation = field && isRecord(field.value['x-relation']) ? field.value['x-relation'] : undefined;
      const choices = manyToOne(entity);
      const hint = `Name a many-to-one relation field of ${entity.title}: ${choices.join(', ') || '(it has none)'}.`;
      if (!field) {
        const guess = closestName(scope.parent, choices);
        errors.push(metadataError('permission-parent-invalid', at, `The role "${role}" sees ${entityName} records through "${scope.parent}", which is not a field of ${entity.title}.`, `${guess ? `Did you mean "${guess}"? ` : ''}${hint}`));
        continue;
      }
      if (!relation || relation.kind !== 'many-to-one' || typeof relation.entity !== 'string') {
        errors.push(metadataError('permission-parent-invalid', at, `The role "${role}" sees ${entityName} records through "${scope.parent}", which is not a many-to-one relation of ${entity.title}.`, hint));
        continue;
      }
      // A relation to an entity that does not exist is reported by the relation checks.
      if (!entities.has(relation.entity)) continue;
      const onParent = def.entities[relation.entity];
      if (!isRecord(onParent) || !Array.isArray(onParent.actions) || !onParent.actions.includes('read')) {
        errors.push(metadataError('permission-parent-invalid', at, `The role "${role}" sees ${entityName} records through "${scope.parent}", but may not read entity "${relation.entity}" itself.`, `Grant the role read on ${relation.entity} (its scope there decides which ${entityName} records it sees), or give ${entityName} a scope of its own.`));
        continue;
      }
      edges.push({ role, entity: entityName, field: scope.parent, target: relation.entity, pointer: at });
    }
  }
  return [...errors, ...cycleErrors(edges)];
}

/** Each cycle of parent scopes once, at its first step, naming every role, entity and field on it. */
function cycleErrors(edges: ParentEdge[]): MetadataError[] {
  const out = new Map<string, ParentEdge[]>();
  for (const edge of edges) out.set(edge.entity, [...(out.get(edge.entity) ?? []), edge]);
  const errors: MetadataError[] = [];
  const reported = new Set<string>();
  const done = new Set<string>();
  const walk = (entity: string, path: ParentEdge[]): void => {
    for (const edge of out.get(entity) ?? []) {
      const start = path.findIndex((e) => e.entity === edge.target);
      if (start >= 0 || edge.target === edge.entity) {
        const cycle = edge.target === edge.entity ? [edge] : [...path.slice(start), edge];
        const key = cycle.map((e) => `${e.role}/${e.entity}/${e.field}`).sort().join(' ');
        if (reported.has(key)) continue;
        reported.add(key);
        const steps = cycle.map((e) => `entity "${e.entity}" through "${e.field}" (role "${e.role}")`).join(' → ');
        errors.push(metadataError('permission-parent-cycle', cycle[0].pointer, `The parent scopes form a cycle: ${steps} → back to entity "${cycle[0].entity}".`, 'A record cannot be visible because of itself: give one of these roles a scope of its own there (own, team, department, all or an expression).'));
        continue;
      }
      if (!done.has(edge.target)) walk(edge.target, [...path, edge]);
    }
    done.add(entity);
  };
  for (const entity of out.keys()) if (!done.has(entity)) walk(entity, []);
  return errors;
}
