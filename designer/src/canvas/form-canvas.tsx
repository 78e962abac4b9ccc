import { useDroppable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { FieldTypeRegistry } from '@tessera/engine';
import type { EntityDefinition, FormLayout } from '@tessera/metadata';
import { localize } from '../localize';
import { CanvasField } from './canvas-field';
import { CanvasSection, type SectionActions } from './canvas-section';

export const CANVAS_DROP_ID = 'canvas';

/**
 * The entity's form as the designer edits it: its layout sections and their fields. The whole
 * canvas is one drop target for palette items; fields inside sections are sortable.
 */
export function FormCanvas({ entity, layout, registry, onEdit, sectionActions, onAddSection }: { entity: EntityDefinition; layout?: FormLayout; registry: FieldTypeRegistry; onEdit?: (name: string) => void; sectionActions: SectionActions; onAddSection: () => void }) {
  const { t, i18n } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: CANVAS_DROP_ID, data: { kind: 'canvas' } });
  const required = new Set(entity.required ?? []);
  const typeLabel = (type: string) => (registry.has(type) ? localize(registry.get(type).label, i18n.language) : type);
  const inLayout = new Set(layout?.sections.flatMap((s) => s.fields) ?? []);
  const loose = Object.keys(entity.properties).filter((name) => !inLayout.has(name));
  const renderField = (name: string, sectionId?: string) =>
    entity.properties[name] && (
      <CanvasField key={name} name={name} field={entity.properties[name]} required={required.has(name)} sectionId={sectionId} typeLabel={typeLabel(entity.properties[name]['x-type'])} onEdit={onEdit} />
    );

  return (
    <section ref={setNodeRef} className={isOver ? 'd-panel d-canvas d-over' : 'd-panel d-canvas'} data-testid="canvas" aria-labelledby="d-canvas-heading">
      <h2 id="d-canvas-heading">{t('canvas.heading')} · {localize(entity['x-label'], i18n.language)}</h2>
      {layout?.sections.map((section) => (
        <CanvasSection key={section.id} section={section} actions={{ ...sectionActions, onRemove: layout.sections.length > 1 ? sectionActions.onRemove : undefined }}>
          {section.fields.map((name) => renderField(name, section.id))}
        </CanvasSection>
      ))}
      {layout && <button type="button" className="d-btn d-btn-ghost" data-testid="section-add" onClick={onAddSection}>+ {t('section.add')}</button>}
      {loose.length > 0 && (
        <div className="d-section">
          {layout && <h3>{t('canvas.unsectioned')}</h3>}
          <ul className="d-fields">{loose.map((name) => renderField(name))}</ul>
        </div>
      )}
      {Object.keys(entity.properties).length === 0 && <p className="d-hint">{t('canvas.empty')}</p>}
      <div className="d-dropzone" data-testid="canvas-dropzone">{t('canvas.drop')}</div>
    </section>
  );
}
