import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { FieldTypeDefinition } from '@tessera/engine';
import { localize } from '../localize';

/** A glyph per built-in type so the palette scans fast; plugin types show their initials. */
const ICONS: Record<string, string> = {
  text: 'Aa', textarea: '¶', number: '#', currency: '¥', date: 'D', datetime: 'DT', boolean: '✓',
  select: '▾', multiselect: '☰', email: '@', phone: '☎', url: '↗', relation: '⇄',
};
const iconOf = (name: string) => ICONS[name] ?? (name.split(':').pop() ?? name).slice(0, 2).toUpperCase();

/** The id a palette item drags under; the canvas reads the type back from `data`. */
export const paletteDragId = (type: string) => `palette:${type}`;

function PaletteItem({ type }: { type: FieldTypeDefinition }) {
  const { i18n } = useTranslation();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: paletteDragId(type.name), data: { kind: 'palette', type: type.name } });
  return (
    <li
      ref={setNodeRef}
      className={isDragging ? 'd-palette-item d-dragging' : 'd-palette-item'}
      data-testid={`palette-${type.name}`}
      {...listeners}
      {...attributes}
    >
      <span className="d-type-icon" aria-hidden="true">{iconOf(type.name)}</span>
      {localize(type.label, i18n.language)}
    </li>
  );
}

/** Every registered field type, built-in and plugin, as draggable items. */
export function FieldPalette({ types }: { types: readonly FieldTypeDefinition[] }) {
  const { t } = useTranslation();
  return (
    <section className="d-panel" aria-labelledby="d-palette-heading">
      <h2 id="d-palette-heading">{t('palette.heading')}</h2>
      <p className="d-hint">{t('palette.hint')}</p>
      <ul className="d-palette" data-testid="palette">
        {types.map((type) => <PaletteItem key={type.name} type={type} />)}
      </ul>
    </section>
  );
}
