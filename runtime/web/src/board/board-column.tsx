import { useDroppable } from '@dnd-kit/core';
import type { ReactNode } from 'react';

/** One option of the grouping field: a drop target holding that option's cards. */
export function BoardColumn({ value, title, count, children }: { value: string; title: string; count: number; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: value });
  return (
    <section ref={setNodeRef} className={isOver ? 't-board-column t-over' : 't-board-column'} data-testid={`board-column-${value}`} aria-label={title}>
      <header><span>{title}</span><span className="t-badge">{count}</span></header>
      {children}
    </section>
  );
}
