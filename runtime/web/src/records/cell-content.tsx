import type { Cell } from './cell-value';

/**
 * A cell: plain text, or a link to the record a reference names. The click stays on the link, so a
 * table row that opens its own record on click does not open it as well.
 */
export function CellContent({ cell }: { cell: Cell }) {
  if (!cell.href) return <>{cell.text}</>;
  return <a href={cell.href} className="t-cell-link" onClick={(e) => e.stopPropagation()}>{cell.text}</a>;
}
