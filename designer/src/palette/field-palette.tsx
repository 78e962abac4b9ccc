import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { FieldTypeDefinition } from '@tessera/engine';
import { localize } from '../localize';
import { matchFieldTypes } from './match-field-types';

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

/**
 * Every registered field type, built-in and plugin, as draggable items, with a search box
 * (English or Chinese labels, or the type's name). From the box, Enter adds the first match
 * (as a drop on the form would), ArrowDown moves to the list, Escape clears.
 */
export function FieldPalette({ types, onPick }: { types: readonly FieldTypeDefinition[]; onPick?: (type: string) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => matchFieldTypes(types, query), [types, query]);
  const list = useRef<HTMLUListElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && shown[0] && onPick) {
      event.preventDefault();
      onPick(shown[0].name);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      list.current?.querySelector<HTMLElement>('.d-palette-item')?.focus();
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };
  return (
    <section className="d-panel" aria-labelledby="d-palette-heading">
      {/* The box shares the heading's row: the palette must still fit a laptop-height viewport. */}
      <div className="d-palette-head">
        <h2 id="d-palette-heading">{t('palette.heading')}</h2>
        <input type="search" className="d-palette-search" data-testid="palette-search" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onKeyDown}
          placeholder={t('palette.search')} aria-label={t('palette.search')} aria-describedby="d-palette-search-hint" aria-controls="d-palette-list" />
      </div>
      <p className="d-hint" id="d-palette-search-hint">{query ? t('palette.searchHint') : t('palette.hint')}</p>
      <ul className="d-palette" data-testid="palette" id="d-palette-list">
        {shown.map((type) => <PaletteItem key={type.name} type={type} />)}
      </ul>
      {!shown.length && <p className="d-hint" role="status" data-testid="palette-empty">{t('palette.noMatch', { query })}</p>}
    </section>
  );
}
