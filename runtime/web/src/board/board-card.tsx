import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../api/records-api';

export interface BoardCardProps {
  record: RecordData;
  title: string;
  subtitle: string;
  onOpen: () => void;
  /** Its last move is not answered yet: shown as saving, and not draggable until it is. */
  saving?: boolean;
  /** The user may not move cards on this board (no grant for the move): opens, never drags. */
  locked?: boolean;
}

/** A record on the board; drag it by any part, click opens it. */
export function BoardCard({ record, title, subtitle, onOpen, saving = false, locked = false }: BoardCardProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: record.id, disabled: saving || locked });
  const style = transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined;
  const className = ['t-board-card', isDragging && 't-dragging', saving && 't-saving'].filter(Boolean).join(' ');
  return (
    <div ref={setNodeRef} style={style} className={className} data-testid={`board-card-${record.id}`} aria-busy={saving || undefined}
      {...attributes} {...listeners} onDoubleClick={onOpen} onKeyDown={(e) => e.key === 'Enter' && onOpen()}>
      <a href="#" className="t-board-title" onClick={(e) => { e.preventDefault(); onOpen(); }} onPointerDown={(e) => e.stopPropagation()}>{title}</a>
      {subtitle && <div className="t-muted">{subtitle}</div>}
      {saving && <div className="t-muted" role="status" data-testid="board-card-saving">{t('board.saving')}</div>}
    </div>
  );
}
