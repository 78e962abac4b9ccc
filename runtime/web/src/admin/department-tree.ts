import type { Department } from './admin-api';

/** One department in display order, with its depth in the tree. */
export interface TreeRow {
  department: Department;
  depth: number;
}

/**
 * The flat list as a depth-first tree (siblings by name), for an indented list or a parent
 * picker. A department whose parent is missing is shown as a root, and a cycle (which the API
 * refuses, but data written around it could hold) cannot loop: each department appears once.
 */
export function departmentTree(departments: readonly Department[]): TreeRow[] {
  const ids = new Set(departments.map((d) => d.id));
  const byParent = new Map<string | null, Department[]>();
  for (const d of departments) {
    const parent = d.parentId && ids.has(d.parentId) ? d.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), d]);
  }
  const out: TreeRow[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const d of [...(byParent.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      out.push({ department: d, depth });
      walk(d.id, depth + 1);
    }
  };
  walk(null, 0);
  // Members of a cycle never hang from a root: list them at the top level rather than lose them.
  for (const d of departments) if (!seen.has(d.id)) (seen.add(d.id), out.push({ department: d, depth: 0 }));
  return out;
}

/** `id` and every department below it: where `id` may NOT move (the API answers "cycle"). */
export function subtreeIds(departments: readonly Department[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments) if (d.parentId && out.has(d.parentId) && !out.has(d.id)) (out.add(d.id), (grew = true));
  }
  return out;
}
