/** A report's rows as a pivot: the first group down, the second across, one measure in the cells. */
export interface Pivot {
  rowKeys: string[];
  colKeys: string[];
  /** `cells.get(row)?.get(col)`; a single-group report has one column, `''`. */
  cells: Map<string, Map<string, number>>;
  rowTotals: Map<string, number>;
  colTotals: Map<string, number>;
  total: number;
}

/** A group's value as a key (`''` for records without one). */
export const keyOf = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * Rows × columns of `measure`, with totals. Sums and counts add up; for avg/min/max/distinct the
 * totals would be wrong if added, so they are left out (`additive` false → NaN totals).
 */
export function toPivot(rows: readonly Record<string, unknown>[], groups: readonly string[], measure: string, order: (group: string, keys: string[]) => string[]): Pivot {
  const additive = measure === 'count' || measure.startsWith('sum:');
  const [rowGroup, colGroup] = groups;
  const cells = new Map<string, Map<string, number>>();
  const rowTotals = new Map<string, number>();
  const colTotals = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    const r = rowGroup ? keyOf(row[rowGroup]) : '';
    const c = colGroup ? keyOf(row[colGroup]) : '';
    const value = Number(row[measure] ?? 0) || 0;
    if (!cells.has(r)) cells.set(r, new Map());
    cells.get(r)!.set(c, value);
    rowTotals.set(r, (rowTotals.get(r) ?? 0) + value);
    colTotals.set(c, (colTotals.get(c) ?? 0) + value);
    total += value;
  }
  const unadd = (m: Map<string, number>) => (additive ? m : new Map([...m.keys()].map((k) => [k, NaN])));
  return {
    rowKeys: order(rowGroup ?? '', [...cells.keys()]),
    colKeys: order(colGroup ?? '', [...colTotals.keys()]),
    cells,
    rowTotals: unadd(rowTotals),
    colTotals: unadd(colTotals),
    total: additive ? total : NaN,
  };
}

export type ChartShape = 'number' | 'line' | 'bar' | 'pie' | 'stacked' ;

/** The chart the data's shape asks for: no group → a number, one date group → a line, one other → bars, two → stacked bars. */
export function chartShape(groups: readonly string[], isDate: (group: string) => boolean): ChartShape {
  if (groups.length === 0) return 'number';
  if (groups.length === 2) return 'stacked';
  return isDate(groups[0]) ? 'line' : 'bar';
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);

/** The pivot as CSV (labels, not raw keys), totals last; formula-looking text is defused for spreadsheets. */
export function pivotToCsv(p: Pivot, label: (group: 'row' | 'col', key: string) => string, headers: { row: string; total: string }): string {
  const showTotals = !Number.isNaN(p.total);
  const hasCols = !(p.colKeys.length === 1 && p.colKeys[0] === '');
  const head = [headers.row, ...(hasCols ? p.colKeys.map((c) => label('col', c)) : [headers.total])];
  if (hasCols && showTotals) head.push(headers.total);
  const lines = [head];
  for (const r of p.rowKeys) {
    const line = [label('row', r), ...p.colKeys.map((c) => String(p.cells.get(r)?.get(c) ?? 0))];
    if (hasCols && showTotals) line.push(String(p.rowTotals.get(r)));
    lines.push(line);
  }
  if (showTotals) lines.push([headers.total, ...(hasCols ? p.colKeys.map((c) => String(p.colTotals.get(c))) : [String(p.total)]), ...(hasCols ? [String(p.total)] : [])]);
  return lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
