import { attachExpanded, expandPlan } from '@tessera/engine/sql';
import type { ExpandNode } from '@tessera/engine';
import type { Knex } from 'knex';
import type { ExpandGuard } from '../permissions/expand-guard';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { rowToRecord } from './row-to-record';

const compiledByName = (state: AppState, name: string): CompiledEntity | undefined =>
  [...state.byPlural.values()].find((e) => e.entity['x-name'] === name);

/**
 * Loads `nodes` for all `rows` at once and puts them on `records` (same order as rows):
 * one query per relation path, whatever the number of rows (no N+1).
 */
export async function loadExpanded(
  knex: Knex,
  state: AppState,
  nodes: readonly ExpandNode[],
  rows: readonly Record<string, unknown>[],
  records: Record<string, unknown>[],
  guard?: ExpandGuard,
): Promise<void> {
  for (const node of nodes) {
    const target = compiledByName(state, node.entity);
    const query = target && expandPlan(knex, node, rows, { schema: target.schema });
    // Related records too stay within the user's scope and readable fields.
    if (query && guard) guard.restrict(query, node.entity);
    const children: Record<string, unknown>[] = query ? await query : [];
    const childRecords = children.map((row) => (guard ? guard.strip(node.entity, rowToRecord(row, target!)) : rowToRecord(row, target!)));
    if (node.children.length > 0 && children.length > 0) await loadExpanded(knex, state, node.children, children, childRecords, guard);
    const byRow = new Map(children.map((row, i) => [row, childRecords[i]]));
    const values = attachExpanded(node, rows, children, (row) => byRow.get(row)!);
    values.forEach((value, i) => (records[i][node.name] = value));
  }
}
