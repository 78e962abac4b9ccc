import { useTranslation } from 'react-i18next';
import type { Pivot } from './pivot';

export interface PivotTableProps {
  pivot: Pivot;
  /** The row group's field label. */
  rowHeader: string;
  measureName: string;
  /** Two groups: the second's values across, each row with its total. */
  twoWay: boolean;
  label: (group: 'row' | 'col', key: string) => string;
  format: (v: number) => string;
  /** A cell was clicked: the records behind it. Without it, cells are plain numbers. */
  onDrill?: (rowKey: string, colKey?: string) => void;
  testId?: string;
}

/** A report's pivot as a table, with column and grand totals (a dash where totals would not add up). */
export function PivotTable({ pivot, rowHeader, measureName, twoWay, label, format, onDrill, testId = 'report-table' }: PivotTableProps) {
  const { t } = useTranslation();
  return (
    <div className="t-table-wrap">
      <table className="t-table" data-testid={testId}>
        <thead><tr><th>{rowHeader}</th>{twoWay ? pivot.colKeys.map((c) => <th key={c}>{label('col', c)}</th>) : <th>{measureName}</th>}{twoWay && <th>{t('reports.total')}</th>}</tr></thead>
        <tbody>
          {pivot.rowKeys.map((r) => (
            <tr key={r}>
              <th scope="row">{label('row', r)}</th>
              {pivot.colKeys.map((c) => {
                const value = format(pivot.cells.get(r)?.get(c) ?? 0);
                return <td key={c}>{onDrill ? <button type="button" className="t-btn t-btn-ghost" data-testid="report-cell" data-row={r} data-col={c} onClick={() => onDrill(r, twoWay ? c : undefined)}>{value}</button> : value}</td>;
              })}
              {twoWay && <td data-testid="report-row-total">{format(pivot.rowTotals.get(r) ?? NaN)}</td>}
            </tr>
          ))}
        </tbody>
        <tfoot><tr><th scope="row">{t('reports.total')}</th>{twoWay ? pivot.colKeys.map((c) => <td key={c}>{format(pivot.colTotals.get(c) ?? NaN)}</td>) : null}<td data-testid="report-total">{format(pivot.total)}</td></tr></tfoot>
      </table>
    </div>
  );
}
