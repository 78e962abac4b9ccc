import type { AppDefinition } from '@tessera/metadata';

/**
 * Field references in views and dashboard cards follow a rename (or a delete): columns, card
 * fields, group-by, a calendar's start, end and title, sort keys (`-amount`), relation paths
 * (`customer.name`), filter keys, a card's measure (`sum:amount`) and group
 * (`deadline:month`). Without this a renamed field
 * leaves the app invalid ("view names amount: entity has no field amount") and publishing fails.
 * `to` undefined: the field was deleted, so references to it are dropped.
 */
export function renameInViews(app: AppDefinition, entityName: string, from: string, to: string | undefined): AppDefinition {
  // A reference is the field itself or a path through it; `-`/`+` prefixes and `:suffix` are kept.
  const swap = (ref: string): string | undefined => {
    const m = /^([-+]?)([^.:]+)(.*)$/.exec(ref);
    if (!m || m[2] !== from) return ref;
    return to === undefined ? undefined : `${m[1]}${to}${m[3]}`;
  };
  const list = (refs?: string[]) => refs?.map(swap).filter((r): r is string => r !== undefined);
  const filter = (f?: Record<string, unknown>): Record<string, unknown> | undefined => f && Object.fromEntries(Object.entries(f).flatMap(([k, v]): [string, unknown][] => {
    const key = k.startsWith('$') ? k : swap(k);
    if (key === undefined) return [];
    // `$and`/`$or` style groups hold filters of their own.
    return [[key, Array.isArray(v) ? v.map((x) => (typeof x === 'object' && x !== null ? filter(x as Record<string, unknown>) : x)) : v]];
  }));
  const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

  const one = (ref?: string) => (ref === undefined ? undefined : swap(ref));
  const views = app.views?.map((v) => (v.entity !== entityName ? v : defined({
    ...v, columns: list(v.columns), cardFields: list(v.cardFields), sort: list(v.sort), filter: filter(v.filter), groupBy: one(v.groupBy),
    startField: one(v.startField), endField: one(v.endField), titleField: one(v.titleField),
  })));
  const dashboards = app.dashboards?.map((d) => ({
    ...d,
    cards: d.cards.map((c) => {
      if (c.entity !== entityName) return c;
      const measure = c.measure.includes(':') ? c.measure.replace(/^(\w+):(.+)$/, (_all, op: string, f: string) => `${op}:${swap(f) ?? f}`) : c.measure;
      return defined({ ...c, measure: measure as typeof c.measure, group: c.group === undefined ? undefined : swap(c.group), filter: filter(c.filter) });
    }),
  }));
  return { ...app, ...(views ? { views } : {}), ...(dashboards ? { dashboards } : {}) };
}
