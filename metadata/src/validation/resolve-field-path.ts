import { entityViews, isRecord, stringOr, type EntityView, type Json } from './app-views';
import { closestName } from './closest-name';

/** A field path (`industry`, `customer.industry`, `owner.username`) as views and dashboards name it. */
export interface ResolvedPath {
  /** The last field's `x-type`, or the system column's (`datetime`, `user`, `uuid`, `integer`). */
  type: string;
  /** The last field's definition; undefined for system columns and user/department attributes. */
  field?: Json;
  /** Relation steps before the last field (0: a field of the entity itself). */
  hops: number;
  /** A step goes through a one-to-many or many-to-many relation: a record has several values. */
  toMany: boolean;
}

export type PathResult = { ok: true; value: ResolvedPath } | { ok: false; message: string; hint: string };

const SYSTEM_TYPES: Record<string, string> = { id: 'uuid', created_at: 'datetime', updated_at: 'datetime', created_by: 'user', owner: 'user', version: 'integer' };
// What the API lets a path read of a user (engine/src/query/directory-paths.ts keeps the same allow-list).
const USER_PATHS = ['id', 'username', 'displayName', 'department', 'department.id', 'department.name'];
const MAX_HOPS = 2;

/** The app's entities by name, first of a duplicated name (duplicates are reported elsewhere). */
export function entitiesByName(app: unknown): Map<string, EntityView> {
  const map = new Map<string, EntityView>();
  for (const e of entityViews(app)) if (e.name && !map.has(e.name)) map.set(e.name, e);
  return map;
}

/** A child entity named by its plural with exactly one many-to-one link to `parent` (`contacts` on customer). */
function childByPlural(plural: string, parent: string, entities: Map<string, EntityView>): EntityView | undefined {
  const child = [...entities.values()].find((e) => e.value['x-plural'] === plural);
  if (!child) return undefined;
  const links = child.fields.filter((f) => isRecord(f.value['x-relation']) && f.value['x-relation'].entity === parent && f.value['x-relation'].kind === 'many-to-one');
  return links.length === 1 ? child : undefined;
}

/**
 * Resolves `path` from `entity` the way the API's query parser does (without a database): own
 * and system fields, up to two relation steps, and the allow-listed attributes of users.
 */
export function resolveFieldPath(path: string, entity: EntityView, entities: Map<string, EntityView>): PathResult {
  const segments = path.split('.');
  let current = entity;
  let toMany = false;
  for (let i = 0; i < segments.length; i++) {
    const name = segments[i];
    const last = i === segments.length - 1;
    const field = current.fields.find((f) => f.name === name);
    const type = field ? stringOr(field.value['x-type']) ?? '' : SYSTEM_TYPES[name];
    const names = () => [...current.fields.map((f) => f.name), ...Object.keys(SYSTEM_TYPES)];
    if (type === undefined) {
      const child = childByPlural(name, current.name ?? '', entities);
      if (child && !last && i < MAX_HOPS) {
        current = child;
        toMany = true;
        continue;
      }
      const guess = closestName(name, names());
      return { ok: false, message: `${current.title} has no field "${name}"`, hint: `${guess ? `Did you mean "${guess}"? ` : ''}Its fields: ${names().join(', ')}.` };
    }
    if (last) return { ok: true, value: { type, field: field?.value, hops: i, toMany } };
    if (i >= MAX_HOPS) return { ok: false, message: `"${path}" has more than ${MAX_HOPS} relation steps`, hint: 'Use a path of at most two steps, e.g. contact.customer.industry.' };
    if (type === 'user') {
      const rest = segments.slice(i + 1).join('.');
      if (USER_PATHS.includes(rest)) return { ok: true, value: { type: 'text', hops: i + 1, toMany } };
      return { ok: false, message: `"${path}" reads "${rest}" of a user, which a path cannot read`, hint: `A user path may end in: ${USER_PATHS.join(', ')}.` };
    }
    const relation = field && isRecord(field.value['x-relation']) ? field.value['x-relation'] : undefined;
    const target = relation ? entities.get(stringOr(relation.entity) ?? '') : undefined;
    if (!target) return { ok: false, message: `"${name}" of ${current.title} is not a relation, so "${path}" cannot go through it`, hint: 'Only relation and user fields lead to other records.' };
    if (relation?.kind !== 'many-to-one') toMany = true;
    current = target;
  }
  return { ok: false, message: `"${path}" is empty`, hint: 'Name a field.' };
}

/** Every field path a JSON filter names (`{"and":[{"level":{"eq":"A"}}]}` → level), with its pointer. */
export function filterPaths(filter: unknown, pointer: string): { path: string; pointer: string }[] {
  if (Array.isArray(filter)) return filter.flatMap((child, i) => filterPaths(child, `${pointer}/${i}`));
  if (!isRecord(filter)) return [];
  return Object.entries(filter).flatMap(([key, value]) => {
    const here = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    return key === 'and' || key === 'or' ? filterPaths(value, here) : [{ path: key, pointer: here }];
  });
}
