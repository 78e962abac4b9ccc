import { useRef } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '@tessera/metadata';
import { localize } from '../localize';

// A press that moved less than the drag threshold (4px, designer-shell's PointerSensor) is a click.
const CLICK_SLOP = 4;

/** One field on the canvas; sortable within its section when the entity has a layout; a click opens its settings. */
export function CanvasField({ name, field, required, sectionId, typeLabel, onEdit }: { name: string; field: FieldDefinition; required: boolean; sectionId?: string; typeLabel: string; onEdit?: (name: string) => void }) {
  const { t, i18n } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: `field:${sectionId ?? '_'}:${name}`,
    data: { kind: 'field', name, sectionId },
    disabled: !sectionId,
  });
  const pressedAt = useRef<{ x: number; y: number } | undefined>(undefined);
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={isDragging ? 'd-field d-dragging' : 'd-field'}
      data-testid={`canvas-field-${name}`}
      {...attributes}
      {...listeners}
      onPointerDown={(e) => { pressedAt.current = { x: e.clientX, y: e.clientY }; listeners?.onPointerDown?.(e); }}
      // One click from the canvas to the field's settings; a drag (moved past the threshold) is not a click.
      onClick={(e) => {
        const at = pressedAt.current;
        if (!onEdit || (at && Math.hypot(e.clientX - at.x, e.clientY - at.y) >= CLICK_SLOP)) return;
        onEdit(name);
      }}
    >
      <span className="d-field-label">{localize(field['x-label'], i18n.language)}</span>
      <code className="d-field-name">{name}</code>
      <span className="d-chip">{typeLabel}</span>
      {required && <span className="d-chip d-chip-required">{t('canvas.required')}</span>}
      {onEdit && (
        // Its own button, kept out of the sortable's pointer and key listeners, so Enter edits instead of picking the field up.
        <button type="button" className="d-btn d-btn-ghost d-field-edit" data-testid={`edit-field-${name}`} aria-label={t('canvas.edit', { name })}
          onPointerDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()} onClick={() => onEdit(name)}>✎</button>
      )}
    </li>
  );
}
