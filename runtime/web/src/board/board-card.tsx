import { useDraggable } from '@dnd-kit/core';
import type { RecordData } from '../api/records-api';

/** A record on the board; drag it by any part, click opens it. */
export function BoardCard({ record, title, subtitle, onOpen }: { record: RecordData; title: string; subtitle: string; onOpen: () => void }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: record.id });
  const style = transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined;
  return (
    <div ref={setNodeRef} style={style} className={isDragging ? 't-board-card t-dragging' : 't-board-card'} data-testid={`board-card-${record.id}`}
      {...attributes} {...listeners} onDoubleClick={onOpen} onKeyDown={(e) => e.key === 'Enter' && onOpen()}>
      <a href="#" className="t-board-title" onClick={(e) => { e.preventDefault(); onOpen(); }} onPointerDown={(e) => e.stopPropagation()}>{title}</a>
      {subtitle && <div className="t-muted">{subtitle}</div>}
    </div>
  );
}
