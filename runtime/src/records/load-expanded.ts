import { attachExpanded, capPerParent, EXPAND_MANY_LIMIT, expandPlan, RANK_KEY, truncatedParents } from '@tessera/engine/sql';
import type { ExpandNode } from '@tessera/engine';
import type { Knex } from 'knex';
import type { ExpandGuard } from '../permissions/expand-guard';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { compiled, runStatement } from '../db/run-statement';
import { API_READ_OPTIONS } from '../db/type-parsers';
import { rowToRecord } from './row-to-record';

const compiledByName = (state: AppState, name: string): CompiledEntity | undefined =>
  [...state.byPlural.values()].find((e) => e.entity['x-name'] === name);

/**
 * Loads `nodes` for all `rows` at once and puts them on `records` (same order as rows):
 * one query per relation path, whatever the number of rows (no N+1). To-many arrays hold at
 * most EXPAND_MANY_LIMIT rows per parent; the paths that were cut are added to `truncated`
 * (`customer.contacts` style), which the routes report in a header.
 */
export async function loadExpanded(
  knex: Knex,
  state: AppState,
  nodes: readonly ExpandNode[],
  rows: readonly Record<string, unknown>[],
  records: Record<string, unknown>[],
  guard?: ExpandGuard,
  truncated: Set<string> = new Set(),
  prefix = '',
): Promise<Set<string>> {
  for (const node of nodes) {
    const target = compiledByName(state, node.entity);
    let query = target && expandPlan(knex, node, rows, { schema: target.schema });
    // Related records too stay within the user's scope and readable fields — before ranking,
    // so rows the user cannot see never take a place in the cap.
    if (query && guard) guard.restrict(query, node.entity);
    if (query && node.kind !== 'many-to-one') query = capPerParent(knex, node, query, EXPAND_MANY_LIMIT + 1);
    let children: Record<string, unknown>[] = query ? await runStatement(knex, compiled(query), API_READ_OPTIONS) : [];
    if (node.kind !== 'many-to-one') {
      const cut = truncatedParents(node, children, EXPAND_MANY_LIMIT);
      if (cut.size > 0) {
        truncated.add(prefix + node.name);
        children = children.filter((row) => Number(row[RANK_KEY]) <= EXPAND_MANY_LIMIT);
      }
    }
    const childRecords = children.map((row) => (guard ? guard.strip(node.entity, rowToRecord(row, target!)) : rowToRecord(row, target!)));
    if (node.children.length > 0 && children.length > 0) await loadExpanded(knex, state, node.children, children, childRecords, guard, truncated, `${prefix}${node.name}.`);
    const byRow = new Map(children.map((row, i) => [row, childRecords[i]]));
    const values = attachExpanded(node, rows, children, (row) => byRow.get(row)!);
    values.forEach((value, i) => (records[i][node.name] = value));
  }
  return truncated;
}

/** `Tessera-Expand-Truncated: contacts, customer.contacts` when an expanded array was cut at EXPAND_MANY_LIMIT. */
export function reportTruncated(ctx: { set(name: string, value: string): void }, truncated: Set<string>): void {
  if (truncated.size > 0) ctx.set('Tessera-Expand-Truncated', [...truncated].join(', '));
}
