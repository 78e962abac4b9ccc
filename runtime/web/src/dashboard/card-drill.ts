import type { DashboardCard, EntityDefinition } from '@tessera/metadata';
import { conditionsToFilter, type FilterCondition } from '../list/list-query';
import { bindMe } from '../meta/bind-me';
import { drillConditions, filterToConditions } from '../reports/drill-down';
import { isDateField } from '../reports/report-fields';
import { holdsDays, zonedStart } from './dashboard-conditions';

type Part = Record<string, Record<string, unknown>>;

const leaf = (v: unknown): unknown => (Array.isArray(v) ? v.map(String) : String(v));

/**
 * A filter as one `{field: {op: value}}` per condition (`{field: value}` read as `eq`), or
 * undefined when it says more than an AND of conditions (`or`, `not`, a list or null shorthand).
 */
function flatParts(filter: unknown): Part[] | undefined {
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) return undefined;
  const out: Part[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'and') {
      if (!Array.isArray(value)) return undefined;
      for (const inner of value) {
        const parts = flatParts(inner);
        if (!parts) return undefined;
        out.push(...parts);
      }
    } else if (key === 'or' || key === 'not') return undefined;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [op, v] of Object.entries(value)) out.push({ [key]: { [op]: leaf(v) } });
    } else if (value === null || Array.isArray(value)) return undefined;
    else out.push({ [key]: { eq: leaf(value) } });
  }
  return out;
}

const canonical = (parts: readonly Part[]) => JSON.stringify(parts.map((p) => Object.entries(p).map(([f, ops]) => [f, Object.entries(ops).map(([op, v]) => [op, leaf(v)])])));

/**
 * A card's own filter (with `$me` bound) as the list's filter rows — or undefined when the rows
 * would not mean exactly the same (an `or`, a relation path or a field the viewer cannot see):
 * such a card does not drill down rather than open a list of other records than its number counts.
 */
export function cardFilterConditions(entity: EntityDefinition, filter: Record<string, unknown> | undefined, userId: string | undefined): FilterCondition[] | undefined {
  if (!filter || Object.keys(filter).length === 0) return [];
  const parts = flatParts(bindMe(filter, userId));
  if (!parts) return undefined;
  const rows = filterToConditions({ and: parts });
  const back = conditionsToFilter(entity, rows);
  const backParts = back ? (JSON.parse(back) as { and: Part[] }).and : [];
  return canonical(backParts) === canonical(parts) ? rows : undefined;
}

/**
 * The list rows for one bar, slice or stage of a card (`key`; undefined for a number card's
 * whole figure): the card's filter, its group pinned to the clicked value (a date bucket as
 * `[start, next start)`, from the workspace's midnight for a timestamp) and the dashboard's bar.
 */
export function cardDrillConditions(card: DashboardCard, entity: EntityDefinition, key: string | undefined, base: readonly FilterCondition[], dashboard: readonly FilterCondition[], timeZone: string): FilterCondition[] {
  const group = card.group && key !== undefined ? drillConditions([], [card.group], [key]) : [];
  const zoned = group.map((c) => (isDateField(entity, c.field) && !holdsDays(entity, c.field) && /^\d{4}-\d{2}-\d{2}$/.test(c.value) ? { ...c, value: zonedStart(c.value, timeZone) } : c));
  return [...base, ...zoned, ...dashboard];
}
