import type { EntityDefinition } from '@tessera/metadata';
import { isDateField, keyOf, type ValueLabel } from './report-value-labels';

/**
 * A report's rows as the builder's pivot, in words: the first group down, the second across,
 * the first measure in the cells, totals where adding up is right (counts and sums). What an
 * exported sheet and a scheduled message both show.
 */
export interface ReportTable {
  /** The first column's heading: the row group's field, or the measure when there is no group. */
  rowHeader: string;
  /** Column headings after the first: the second group's values, or the measure (none without a group). */
  columns: string[];
  /** Two groups: the second across, each row with its total. */
  twoWay: boolean;
  rows: { label: string; cells: number[]; total?: number }[];
  /** The totals row (one per column, and the grand total), when the measure adds up. */
  totals?: { cells: number[]; total: number };
}

export interface TableInput {
  entity: EntityDefinition;
  groups: readonly string[];
  measure: string;
  rows: readonly Record<string, unknown>[];
  label: ValueLabel;
  /** The row group's field label, and the measure's label. */
  headers: { row: string; measure: string };
}

/** Keys in a reading order: options as declared, dates in time order, anything else by label; empty last. */
function ordered(entity: EntityDefinition, group: string, keys: string[], label: (key: string) => string): string[] {
  const name = group.split(':')[0];
  const options = entity.properties[name]?.['x-options']?.map((o) => String(o.value));
  const last = (k: string) => (k === '' ? 1 : 0);
  if (options) return [...keys].sort((a, b) => last(a) - last(b) || options.indexOf(a) - options.indexOf(b));
  if (isDateField(entity, name)) return [...keys].sort((a, b) => last(a) - last(b) || a.localeCompare(b));
  return [...keys].sort((a, b) => last(a) - last(b) || label(a).localeCompare(label(b)));
}

export function reportTable({ entity, groups, measure, rows, label, headers }: TableInput): ReportTable {
  const additive = measure === 'count' || measure.startsWith('sum:');
  const [rowGroup, colGroup] = groups;
  const cells = new Map<string, Map<string, number>>();
  const colKeySet = new Set<string>();
  for (const row of rows) {
    const r = rowGroup ? keyOf(row[rowGroup]) : '';
    const c = colGroup ? keyOf(row[colGroup]) : '';
    if (!cells.has(r)) cells.set(r, new Map());
    cells.get(r)!.set(c, Number(row[measure] ?? 0) || 0);
    colKeySet.add(c);
  }
  const rowKeys = rowGroup ? ordered(entity, rowGroup, [...cells.keys()], (k) => label(rowGroup, k)) : [...cells.keys()];
  const colKeys = colGroup ? ordered(entity, colGroup, [...colKeySet], (k) => label(colGroup, k)) : [''];
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const body = rowKeys.map((r) => {
    const values = colKeys.map((c) => cells.get(r)?.get(c) ?? 0);
    return { label: rowGroup ? label(rowGroup, r) : headers.measure, cells: values, ...(colGroup && additive ? { total: sum(values) } : {}) };
  });
  const colTotals = colKeys.map((_, i) => sum(body.map((b) => b.cells[i])));
  return {
    rowHeader: rowGroup ? headers.row : headers.measure,
    columns: colGroup ? colKeys.map((c) => label(colGroup, c)) : rowGroup ? [headers.measure] : [],
    twoWay: colGroup !== undefined,
    rows: body,
    ...(additive && rowGroup ? { totals: { cells: colTotals, total: sum(colTotals) } } : {}),
  };
}

/** The table as lines of cells: headings, rows, totals; what CSV and XLSX write. */
export function tableLines(table: ReportTable, totalWord: string): (string | number)[][] {
  // No group: one number under the measure's name.
  if (table.columns.length === 0) return [[table.rowHeader], ...table.rows.map((r) => r.cells)];
  const withTotal = table.twoWay && table.totals !== undefined;
  const head: (string | number)[] = [table.rowHeader, ...table.columns, ...(withTotal ? [totalWord] : [])];
  const lines = [head, ...table.rows.map((r) => [r.label, ...r.cells, ...(withTotal ? [r.total ?? ''] : [])])];
  if (table.totals) lines.push([totalWord, ...table.totals.cells, ...(withTotal ? [table.totals.total] : [])]);
  return lines;
}
