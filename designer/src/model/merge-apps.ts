import type { AppDefinition, EntityDefinition, FormLayout } from '@tessera/metadata';

/**
 * A three-way merge of app definitions, for a publish that lost the race (409
 * version_conflict): `base` is the version the draft started from, `ours` the draft, `theirs`
 * the version now live. Changes made on one side only are taken; a value both sides changed
 * differently is a conflict, resolved by `choose` (ours unless told otherwise) and reported.
 *
 * Entities and fields are matched by their stable `x-id`, so a rename on one side and a type
 * change on the other merge cleanly; layouts, workflows, views and dashboards by name,
 * layout sections by id. Within them the merge goes down to single attributes (a field's
 * type, a state's transitions, a role's actions on one entity). Lists of names merge as sets;
 * other arrays (select options, a workflow's action list) are single values.
 */

export type Side = 'ours' | 'theirs';

export interface MergeConflict {
  /** Stable key of the conflicting value (what `choose` answers for). */
  key: string;
  /** Readable path: `entity bid › field amount › x-type`. */
  path: string;
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

export interface MergeResult {
  app: AppDefinition;
  conflicts: MergeConflict[];
}

type Tree = { [key: string]: unknown };
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isTree(a) && isTree(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

// Keyed lists become objects keyed `#<id>` (insertion order = list order), so the generic
// object merge matches their items by identity and keeps each side's order.
const ID = '#';
const keyed = <T>(items: readonly T[] | undefined, id: (item: T) => string, norm: (item: T) => unknown): Tree | undefined =>
  items ? Object.fromEntries(items.map((item) => [ID + id(item), norm(item)])) : undefined;
const unkeyed = <T>(tree: unknown, back: (value: Tree) => T): T[] => (isTree(tree) ? Object.values(tree).filter(isTree).map(back) : []);

const entityId = (e: EntityDefinition) => e['x-id'] ?? `name:${e['x-name']}`;

function normEntity(e: EntityDefinition): Tree {
  const { properties, required, ...rest } = e;
  const need = new Set(required ?? []);
  return { ...rest, fields: keyed(Object.entries(properties), ([name, def]) => def['x-id'] ?? `name:${name}`, ([name, def]) => ({ name, required: need.has(name), def })) };
}

function entityBack(tree: Tree): EntityDefinition {
  const { fields, ...rest } = tree;
  const list = unkeyed(fields, (f) => f as { name: string; required: boolean; def: EntityDefinition['properties'][string] });
  const required = list.filter((f) => f.required).map((f) => f.name);
  const entity = { ...rest, properties: Object.fromEntries(list.map((f) => [f.name, f.def])) } as EntityDefinition;
  if (required.length) entity.required = required;
  return entity;
}

const normLayout = (l: FormLayout): Tree => ({ ...l, sections: keyed(l.sections, (s) => s.id, (s) => s) });
const layoutBack = (tree: Tree): FormLayout => ({ ...tree, sections: unkeyed(tree.sections, (s) => s) } as unknown as FormLayout);
const byName = <T extends { name: string }>(items?: readonly T[]) => keyed(items, (i) => i.name, (i) => i);

function normApp(app: AppDefinition): Tree {
  return {
    ...app,
    entities: keyed(app.entities, entityId, normEntity),
    layouts: keyed(app.layouts, (l) => l.name, normLayout),
    workflows: byName(app.workflows),
    views: byName(app.views),
    dashboards: byName(app.dashboards),
  };
}

function appBack(tree: Tree): AppDefinition {
  const app = { ...tree, entities: unkeyed(tree.entities, entityBack), layouts: unkeyed(tree.layouts, layoutBack) } as Tree;
  for (const list of ['workflows', 'views', 'dashboards']) {
    if (tree[list] === undefined) delete app[list];
    else app[list] = unkeyed(tree[list], (x) => x);
  }
  return app as unknown as AppDefinition;
}

/** Names for the readable path: an entity or field id → its name on whichever side has it. */
function namesOf(apps: AppDefinition[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const app of apps) {
    for (const e of app.entities) {
      names.set(ID + entityId(e), `entity ${e['x-name']}`);
      for (const [name, def] of Object.entries(e.properties)) names.set(ID + (def['x-id'] ?? `name:${name}`), `field ${name}`);
    }
  }
  return names;
}

interface Walk {
  choose: (conflict: MergeConflict) => Side;
  conflicts: MergeConflict[];
  names: Map<string, string>;
}

function merge3(base: unknown, ours: unknown, theirs: unknown, keys: string[], walk: Walk): unknown {
  if (deepEqual(ours, theirs)) return ours;
  if (deepEqual(ours, base)) return theirs;
  if (deepEqual(theirs, base)) return ours;
  if (isTree(ours) && isTree(theirs)) {
    const b = isTree(base) ? base : {};
    const out: Tree = {};
    // Ours' order first, then what only theirs has (in theirs' order).
    const all = [...Object.keys(ours), ...Object.keys(theirs).filter((k) => !(k in ours))];
    for (const k of all) {
      const value = merge3(b[k], ours[k], theirs[k], [...keys, k], walk);
      if (value !== undefined) out[k] = value;
    }
    return out;
  }
  const list = mergeStringLists(base, ours, theirs);
  if (list) return list;
  const path = keys.map((k) => walk.names.get(k) ?? (k.startsWith(ID) ? k.slice(1) : k)).join(' › ');
  const conflict: MergeConflict = { key: keys.join('/'), path, base, ours, theirs };
  walk.conflicts.push(conflict);
  return walk.choose(conflict) === 'theirs' ? theirs : ours;
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Lists of names (a section's fields, a role's actions) merge as sets: ours, minus what theirs
 * removed, plus what theirs added. Only a reorder on their side is left as a conflict.
 */
function mergeStringLists(base: unknown, ours: unknown, theirs: unknown): string[] | undefined {
  if (!strings(base) || !strings(ours) || !strings(theirs)) return undefined;
  const removed = base.filter((x) => !theirs.includes(x));
  const kept = base.filter((x) => theirs.includes(x));
  if (!deepEqual(kept, theirs.filter((x) => base.includes(x)))) return undefined;
  return [...ours.filter((x) => !removed.includes(x)), ...theirs.filter((x) => !base.includes(x) && !ours.includes(x))];
}

export function mergeApps(base: AppDefinition, ours: AppDefinition, theirs: AppDefinition, choose: (conflict: MergeConflict) => Side = () => 'ours'): MergeResult {
  const walk: Walk = { choose, conflicts: [], names: namesOf([theirs, base, ours]) };
  const merged = merge3(normApp(base), normApp(ours), normApp(theirs), [], walk) as Tree;
  return { app: appBack(merged), conflicts: walk.conflicts };
}

/** The merge with each conflict resolved as picked (by `MergeConflict.key`; ours when not picked). */
export const resolveMerge = (base: AppDefinition, ours: AppDefinition, theirs: AppDefinition, picks: Record<string, Side>): AppDefinition =>
  mergeApps(base, ours, theirs, (c) => picks[c.key] ?? 'ours').app;
