import type { ReactNode } from 'react';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';

function Row({ id, label, children, onUp, onDown }: { id: string; label: string; children: ReactNode; onUp?: () => void; onDown?: () => void }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition }} className={isDragging ? 'd-sortable d-dragging' : 'd-sortable'} data-testid={`sortable-${id}`}>
      <button type="button" className="d-handle" aria-label={t('sortable.drag', { name: label })} {...attributes} {...listeners}>⠿</button>
      <div className="d-sortable-body">{children}</div>
      <span className="d-sortable-moves">
        <button type="button" className="d-btn d-btn-ghost" aria-label={t('sortable.up', { name: label })} disabled={!onUp} onClick={onUp}>↑</button>
        <button type="button" className="d-btn d-btn-ghost" aria-label={t('sortable.down', { name: label })} disabled={!onDown} onClick={onDown}>↓</button>
      </span>
    </li>
  );
}

/**
 * Items reordered by drag and drop (@dnd-kit/sortable: mouse, or space + arrow keys on the
 * handle), with up/down buttons as well. Its own DndContext, apart from the form canvas's.
 */
export function SortableList({ ids, labels, onMove, render, testId }: { ids: string[]; labels: Record<string, string>; onMove: (id: string, overId: string) => void; render: (id: string) => ReactNode; testId?: string }) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const onDragEnd = ({ active, over }: DragEndEvent) => { if (over && active.id !== over.id) onMove(String(active.id), String(over.id)); };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ul className="d-sortable-list" data-testid={testId}>
          {ids.map((id, i) => (
            <Row key={id} id={id} label={labels[id] ?? id} onUp={i > 0 ? () => onMove(id, ids[i - 1]) : undefined} onDown={i < ids.length - 1 ? () => onMove(id, ids[i + 1]) : undefined}>
              {render(id)}
            </Row>
          ))}
        </ul>
      </SortableContext>
    </DndContext>
  );
}

/** `list` with `id` moved to where `overId` is. */
export function moveItem(list: readonly string[], id: string, overId: string): string[] {
  const from = list.indexOf(id);
  const to = list.indexOf(overId);
  if (from < 0 || to < 0) return [...list];
  const next = [...list];
  next.splice(to, 0, next.splice(from, 1)[0]);
  return next;
}
