import type { ReactNode } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import type { LayoutSection } from '@tessera/metadata';
import { localize } from '../localize';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const CANVAS_SECTION_KEYWORDS = ['layout.sections', 'layout.sections[].id', 'layout.sections[].label', 'layout.sections[].columns', 'layout.sections[].tab'] as const;

export interface SectionActions {
  onRename: (sectionId: string, text: string) => void;
  onColumns: (sectionId: string, columns: number) => void;
  onTab: (sectionId: string, tab: string) => void;
  onRemove?: (sectionId: string) => void;
}

/**
 * One layout section on the canvas: its label, column count and tab are edited in place, and
 * the section itself is a drop target so a field can be dragged into it even when it is empty.
 */
export function CanvasSection({ section, actions, children }: { section: LayoutSection; actions: SectionActions; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: `section:${section.id}`, data: { kind: 'section', sectionId: section.id } });
  const locale = i18n.language === 'zh' ? 'zh' : 'en';
  const label = typeof section.label === 'string' ? section.label : (section.label[locale] ?? '');
  const id = section.id;
  return (
    <div ref={setNodeRef} className={isOver ? 'd-section d-section-over' : 'd-section'} data-testid={`canvas-section-${id}`}>
      <div className="d-section-head">
        {/* Committed on blur (one undo step per rename, not per keystroke); the key resets it after undo. */}
        <input key={label} className="d-section-label" data-testid={`section-label-${id}`} aria-label={t('section.label')} defaultValue={label}
          placeholder={localize(section.label, i18n.language) || t('canvas.section')} onBlur={(e) => { if (e.target.value !== label) actions.onRename(id, e.target.value); }} />
        <label className="d-section-opt">
          {t('section.columns')}
          <select data-testid={`section-columns-${id}`} value={section.columns ?? 1} onChange={(e) => actions.onColumns(id, Number(e.target.value))}>
            {[1, 2, 3, 4].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label className="d-section-opt">
          {t('section.tab')}
          <input key={section.tab?.id ?? ''} data-testid={`section-tab-${id}`} size={10} defaultValue={section.tab ? localize(section.tab.label, i18n.language) : ''}
            placeholder={t('section.noTab')} onBlur={(e) => { if (e.target.value.trim() !== (section.tab ? localize(section.tab.label, i18n.language) : '')) actions.onTab(id, e.target.value); }} />
        </label>
        {actions.onRemove && (
          <button type="button" className="d-btn d-btn-ghost" data-testid={`section-remove-${id}`} aria-label={t('section.remove', { label })}
            onClick={() => actions.onRemove?.(id)}>✕</button>
        )}
      </div>
      <SortableContext items={section.fields.map((f) => `field:${id}:${f}`)} strategy={verticalListSortingStrategy}>
        <ul className="d-fields">{children}</ul>
      </SortableContext>
      {section.fields.length === 0 && <p className="d-hint d-section-empty">{t('section.empty')}</p>}
    </div>
  );
}
