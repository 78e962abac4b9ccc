import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import type { FieldTypeRegistry } from '@tessera/engine';
import type { EntityDefinition, FormLayout } from '@tessera/metadata';
import { localize } from '../localize';
import { CanvasField } from './canvas-field';

export const CANVAS_DROP_ID = 'canvas';

/**
 * The entity's form as the designer edits it: its layout sections and their fields. The whole
 * canvas is one drop target for palette items; fields inside sections are sortable.
 */
export function FormCanvas({ entity, layout, registry, onEdit }: { entity: EntityDefinition; layout?: FormLayout; registry: FieldTypeRegistry; onEdit?: (name: string) => void }) {
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
        <div key={section.id} className="d-section" data-testid={`canvas-section-${section.id}`}>
          <h3>{localize(section.label, i18n.language) || t('canvas.section')}</h3>
          <SortableContext items={section.fields.map((f) => `field:${section.id}:${f}`)} strategy={verticalListSortingStrategy}>
            <ul className="d-fields">{section.fields.map((name) => renderField(name, section.id))}</ul>
          </SortableContext>
        </div>
      ))}
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
