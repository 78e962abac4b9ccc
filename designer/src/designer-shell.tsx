import { useCallback, useEffect, useMemo, useState } from 'react';
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, pointerWithin, rectIntersection, useSensor, useSensors, type CollisionDetection, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import type { RegistryWidgetsType } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { FieldTypeRegistry } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import { fetchPublishedApp, publishApp, type PublishResult } from './api/designer-api';
import { designerKeyboardCoordinates } from './canvas/designer-keyboard-coordinates';
import { FormCanvas } from './canvas/form-canvas';
import { FieldInspector } from './inspector/field-inspector';
import { LanguageSwitch } from './language-switch';
import { localize } from './localize';
import { addField } from './model/add-field';
import { moveField } from './model/move-field';
import { FieldPalette } from './palette/field-palette';
import { FormPreview } from './preview/form-preview';
import { PublishBar } from './publish/publish-bar';

// Pointer first (the mouse needs no fallback), then rectangles so keyboard drags land too.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

/** The designer: entities, palette, canvas, inspector, preview and publish, around one draft app. */
export function DesignerShell({ registry, widgets }: { registry: FieldTypeRegistry; widgets: RegistryWidgetsType }) {
  const { t, i18n } = useTranslation();
  const [published, setPublished] = useState<{ version: number; app: AppDefinition }>();
  const [draft, setDraft] = useState<AppDefinition>();
  const [loadError, setLoadError] = useState<string>();
  const [entityName, setEntityName] = useState<string>();
  const [pendingType, setPendingType] = useState<string>();
  const [dragging, setDragging] = useState<string>();
  const [publishing, setPublishing] = useState(false);
  const [result, setResult] = useState<PublishResult>();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: designerKeyboardCoordinates }),
  );

  const load = useCallback(async () => {
    try {
      const meta = await fetchPublishedApp();
      setPublished(meta);
      setDraft(meta.app);
      setResult(undefined);
      setLoadError(undefined);
      setEntityName((current) => (meta.app.entities.some((e) => e['x-name'] === current) ? current : meta.app.entities[0]?.['x-name']));
    } catch (e) {
      setLoadError((e as Error).message);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const entity = draft?.entities.find((e) => e['x-name'] === entityName);
  const layout = draft?.layouts.find((l) => l.kind === 'form' && l.entity === entityName);
  const types = useMemo(() => registry.list(), [registry]);
  const dirty = Boolean(draft && published && draft !== published.app);

  const onDragStart = (event: DragStartEvent) => setDragging(String(event.active.data.current?.type ?? ''));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(undefined);
    if (!over || !draft || !entityName) return;
    const data = active.data.current;
    const overData = over.data.current;
    if (data?.kind === 'palette' && (overData?.kind === 'canvas' || overData?.kind === 'field')) {
      setResult(undefined);
      setPendingType(String(data.type));
    } else if (data?.kind === 'field' && overData?.kind === 'field' && data.sectionId && data.sectionId === overData.sectionId) {
      setDraft(moveField(draft, entityName, String(data.sectionId), String(data.name), String(overData.name)));
    }
  };

  async function publish() {
    if (!draft || !published) return;
    setPublishing(true);
    const answer = await publishApp(draft, published.version);
    setPublishing(false);
    setResult(answer);
    if (answer.ok) setPublished({ version: answer.version, app: draft });
  }

  if (loadError) return <div className="d-error d-page-error" role="alert">{t('errors.load', { message: loadError })}</div>;
  return (
    <div className="d-app">
      <header className="d-header">
        <div className="d-brand">
          <span aria-hidden="true">◆</span> {t('designer.title')}
          {draft && <span className="d-app-name">{localize(draft.label, i18n.language)}</span>}
          {published && <span className="d-badge" data-testid="designer-version">{t('designer.version', { version: published.version })}</span>}
        </div>
        <div className="d-header-actions">
          <a className="d-btn d-btn-ghost" href="/" target="_blank" rel="noreferrer">{t('designer.openApp')}</a>
          <LanguageSwitch />
          <PublishBar dirty={dirty} publishing={publishing} result={result} onPublish={() => void publish()} onReload={() => void load()} />
        </div>
      </header>
      {!draft ? (
        <p className="d-hint d-loading">{t('designer.loading')}</p>
      ) : (
        <DndContext sensors={sensors} collisionDetection={collision} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(undefined)}>
          <div className="d-layout">
            <aside className="d-side">
              <section className="d-panel">
                <h2>{t('entities.heading')}</h2>
                <ul className="d-entities">
                  {draft.entities.map((e) => (
                    <li key={e['x-name']}>
                      <button type="button" data-testid={`entity-${e['x-name']}`} className={e['x-name'] === entityName ? 'd-entity d-active' : 'd-entity'}
                        onClick={() => { setEntityName(e['x-name']); setPendingType(undefined); }}>
                        {localize(e['x-label'], i18n.language)}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
              <FieldPalette types={types} />
            </aside>
            <main className="d-center">{entity && <FormCanvas entity={entity} layout={layout} registry={registry} />}</main>
            <aside className="d-right">
              {entity && pendingType && registry.has(pendingType) && (
                <FieldInspector
                  key={`${entityName}-${pendingType}`}
                  type={registry.get(pendingType)}
                  entity={entity}
                  entities={draft.entities}
                  onCancel={() => setPendingType(undefined)}
                  onAdd={(fieldDraft) => { setDraft(addField(draft, entity['x-name'], fieldDraft)); setPendingType(undefined); }}
                />
              )}
              {entity && <FormPreview app={draft} entity={entity} registry={registry} widgets={widgets} />}
            </aside>
          </div>
          <DragOverlay dropAnimation={null}>{dragging ? <div className="d-palette-item d-overlay">{registry.has(dragging) ? localize(registry.get(dragging).label, i18n.language) : dragging}</div> : null}</DragOverlay>
        </DndContext>
      )}
    </div>
  );
}
