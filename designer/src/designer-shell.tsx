import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, pointerWithin, rectIntersection, useSensor, useSensors, type CollisionDetection, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import type { RegistryWidgetsType } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { FieldTypeRegistry } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import { fetchPublishedApp, publishApp, type PublishResult } from './api/designer-api';
import { planApp } from './api/meta-api';
import { UndoBar } from './draft/undo-bar';
import { DraftStatus } from './draft/draft-status';
import { useDraft } from './draft/use-draft';
import { EntitySettings } from './entity/entity-settings';
import { NewEntityForm } from './entity/new-entity-form';
import { FieldEditor } from './inspector/field-editor';
import { addEntity } from './model/add-entity';
import { deleteField, patchField, renameField } from './model/edit-field';
import { MergeDialog } from './publish/merge-dialog';
import { PublishDialog } from './publish/publish-dialog';
import { pendingMappings } from './publish/pending-mappings';
import { TransferPanel } from './transfer/transfer-panel';
import { VersionsPanel } from './versions/versions-panel';
import { designerKeyboardCoordinates } from './canvas/designer-keyboard-coordinates';
import { CANVAS_DROP_ID, FormCanvas } from './canvas/form-canvas';
import { FieldLayoutEditor } from './inspector/field-layout-editor';
import { addSection, moveFieldTo, removeSection, renameSection, setSectionColumns, setSectionTab, setVisibleWhen } from './model/edit-layout';
import { PageTabs, type DesignerPage } from './page-tabs';
import { PermissionsMatrix } from './permissions/permissions-matrix';
import { FieldInspector } from './inspector/field-inspector';
import { LanguageSwitch } from './language-switch';
import { localize } from './localize';
import { addField } from './model/add-field';
import { entityForm } from './model/entity-form';
import { moveField } from './model/move-field';
import { FieldPalette } from './palette/field-palette';
import { FormPreview } from './preview/form-preview';
import { ViewAsRole } from './preview/view-as-role';
import { PublishBar } from './publish/publish-bar';
import { PublicFormsPanel } from './public-form/public-forms-panel';

// The workflow canvas (and its graph library) loads only when its tab is opened.
const WorkflowPage = lazy(() => import('./workflow/workflow-page'));
// List/kanban views and dashboards (issues 7, 8), each on its own tab and chunk.
const ViewEditorPage = lazy(() => import('./views/view-editor-page'));
const DashboardEditorPage = lazy(() => import('./dashboards/dashboard-editor-page'));

// Pointer first (the mouse needs no fallback), then rectangles so keyboard drags land too.
// A dragged field looks only at sections and fields, never the whole-canvas target around them.
const collision: CollisionDetection = (args) => {
  if (args.active.data.current?.kind === 'field') args = { ...args, droppableContainers: args.droppableContainers.filter((c) => c.id !== CANVAS_DROP_ID) };
  const hits = pointerWithin(args);
  // The innermost target wins: a palette item dropped on a section goes into that section.
  const inner = hits.filter((h) => h.id !== CANVAS_DROP_ID);
  return inner.length ? inner : hits.length ? hits : rectIntersection(args);
};

/** The designer: entities, palette, canvas, inspector, preview and publish, around one draft app. */
export function DesignerShell({ registry, widgets }: { registry: FieldTypeRegistry; widgets: RegistryWidgetsType }) {
  const { t, i18n } = useTranslation();
  // The draft lives on the server, shared by implementers and browsers (ADR 0038).
  const drafts = useDraft();
  const { published, draft, edit: setDraft, undo, redo, canUndo, canRedo, dirty } = drafts;
  const [loadError, setLoadError] = useState<string>();
  const [entityName, setEntityName] = useState<string>();
  const [pendingType, setPendingType] = useState<string>();
  // The section a palette item was dropped on: the new field goes there, not to the first section.
  const [pendingSection, setPendingSection] = useState<string>();
  const [dragging, setDragging] = useState<string>();
  const [publishing, setPublishing] = useState(false);
  const [result, setResult] = useState<PublishResult>();
  const [editing, setEditing] = useState<string>();
  const [creating, setCreating] = useState(false);
  // The entity's own panels on the right: its settings, or its public forms (one at a time).
  const [entityPanel, setEntityPanel] = useState<'settings' | 'public-forms'>();
  const settingsOpen = entityPanel === 'settings';
  const setSettingsOpen = (open: boolean) => setEntityPanel(open ? 'settings' : undefined);
  const [reviewing, setReviewing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [page, setPage] = useState<DesignerPage>('form');
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: designerKeyboardCoordinates }),
  );

  // `keep`: the draft to carry onto the newly loaded version ("reload and re-apply my draft").
  const load = useCallback(async (keep?: AppDefinition) => {
    try {
      const { published: meta, server } = await drafts.load(keep);
      const app = server.app ?? meta.app;
      setResult(undefined);
      setLoadError(undefined);
      setEntityName((current) => (app.entities.some((e) => e['x-name'] === current) ? current : app.entities[0]?.['x-name']));
    } catch (e) {
      setLoadError((e as Error).message);
    }
  }, [drafts.load]);
  useEffect(() => void load(), [load]);

  const entity = draft?.entities.find((e) => e['x-name'] === entityName);
  const layout = draft && entityName ? entityForm(draft, entityName) : undefined;
  const types = useMemo(() => registry.list(), [registry]);

  const onDragStart = (event: DragStartEvent) => setDragging(String(event.active.data.current?.type ?? ''));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(undefined);
    if (!over || !draft || !entityName) return;
    const data = active.data.current;
    const overData = over.data.current;
    if (data?.kind === 'palette' && (overData?.kind === 'canvas' || overData?.kind === 'field' || overData?.kind === 'section')) {
      setResult(undefined);
      setPendingType(String(data.type));
      setSettingsOpen(false);
      setPendingSection(overData?.sectionId ? String(overData.sectionId) : undefined);
    } else if (data?.kind === 'field' && overData?.kind === 'field' && data.sectionId && data.sectionId === overData.sectionId) {
      setDraft(moveField(draft, entityName, String(data.sectionId), String(data.name), String(overData.name)));
    } else if (data?.kind === 'field' && data.sectionId && overData?.sectionId && overData.sectionId !== data.sectionId) {
      // Across sections: before the field dropped on, or at the end of an (empty) section.
      setDraft(moveFieldTo(draft, entityName, String(data.name), String(overData.sectionId), overData.kind === 'field' ? String(overData.name) : undefined));
    }
  };

  const published_ = (answer: PublishResult) => {
    setReviewing(false);
    // Success shows once the published draft is cleared on the server, so a reload opens clean.
    if (answer.ok && draft && published) void drafts.afterPublish(answer.version, draft).then(() => setResult(answer));
    else setResult(answer);
  };
  // All-safe plans go straight through (the toast reports the version); anything that needs a
  // decision or a confirmation opens the plan dialog instead.
  async function publish() {
    if (!draft || !published) return;
    setResult(undefined); // the last publish's answer must not read as this one's
    setPublishing(true);
    // Planned against a newer live version, the draft would look like it drops what others added:
    // a stale draft goes to the conflict answer (and its three-way merge) before any plan.
    const live = await fetchPublishedApp().catch(() => undefined);
    if (live && live.version !== published.version) {
      setPublishing(false);
      published_({ ok: false, kind: 'conflict', message: `version ${live.version} is live`, problems: [] });
      return;
    }
    // Value mappings chosen in the field editor for type changes travel with the plan (ADR 0035).
    const valueMappings = pendingMappings(published.app, draft);
    const plan = await planApp(draft, { valueMappings });
    const clean = plan.ok && !plan.value.blockers.length && plan.value.steps.every((s) => !s.destructive) && plan.value.checks.every((c) => c.count === 0);
    const answer = clean ? await publishApp(draft, published.version, { valueMappings }) : undefined;
    setPublishing(false);
    if (answer) published_(answer);
    else setReviewing(true);
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
        {/* In the header, not a row of its own: the palette must stay within a laptop-height viewport. */}
        {draft && <PageTabs page={page} onChange={setPage} />}
        <div className="d-header-actions">
          <a className="d-btn d-btn-ghost" href="/" target="_blank" rel="noreferrer">{t('designer.openApp')}</a>
          <LanguageSwitch />
          <DraftStatus hasDraft={drafts.hasDraft} saving={drafts.saving} updatedBy={drafts.updatedBy} updatedAt={drafts.updatedAt} conflict={drafts.conflict} error={drafts.error}
            onDiscard={drafts.discard} onMerge={drafts.mergeWithServer} onReload={drafts.reloadFromServer} />
          <UndoBar canUndo={canUndo} canRedo={canRedo} onUndo={undo} onRedo={redo} />
          <PublishBar dirty={dirty} publishing={publishing} result={result} onPublish={() => void publish()} onReview={() => setReviewing(true)}
            onReload={() => void drafts.discard().then(() => load())} onReapply={() => void load(draft)} onMerge={() => setMerging(true)} published={published?.app} draft={draft} />
        </div>
      </header>
      {!draft ? (
        <p className="d-hint d-loading">{t('designer.loading')}</p>
      ) : (
        <DndContext sensors={sensors} collisionDetection={collision} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(undefined)}>
          {page === 'permissions' && <PermissionsMatrix app={draft} onChange={setDraft} />}
          {page === 'workflows' && <Suspense fallback={<p className="d-hint d-loading">{t('designer.loading')}</p>}><WorkflowPage app={draft} onChange={setDraft} /></Suspense>}
          {page === 'views' && <Suspense fallback={<p className="d-hint d-loading">{t('designer.loading')}</p>}><ViewEditorPage app={draft} onChange={setDraft} /></Suspense>}
          {page === 'dashboards' && <Suspense fallback={<p className="d-hint d-loading">{t('designer.loading')}</p>}><DashboardEditorPage app={draft} onChange={setDraft} /></Suspense>}
          <div className="d-layout" hidden={page !== 'form'}>
            <aside className="d-side">
              <section className="d-panel">
                <h2>{t('entities.heading')}</h2>
                <ul className="d-entities">
                  {draft.entities.map((e) => (
                    <li key={e['x-name']}>
                      <button type="button" data-testid={`entity-${e['x-name']}`} className={e['x-name'] === entityName ? 'd-entity d-active' : 'd-entity'}
                        onClick={() => { setEntityName(e['x-name']); setPendingType(undefined); setEditing(undefined); setSettingsOpen(false); }}>
                        {localize(e['x-label'], i18n.language)}
                      </button>
                    </li>
                  ))}
                </ul>
                <div className="d-actions">
                  <button type="button" className="d-btn" data-testid="entity-new" onClick={() => { setCreating(true); setEditing(undefined); setSettingsOpen(false); }}>+ {t('entity.new')}</button>
                  {entity && <button type="button" className="d-btn" data-testid="entity-settings-open" onClick={() => { setSettingsOpen(true); setEditing(undefined); setPendingType(undefined); setCreating(false); }}>{t('entitySettings.open')}</button>}
                  {entity && <button type="button" className="d-btn" data-testid="public-forms-open" onClick={() => { setEntityPanel('public-forms'); setEditing(undefined); setPendingType(undefined); setCreating(false); }}>{t('publicForm.open')}</button>}
                </div>
              </section>
              <FieldPalette types={types} onPick={(type) => { setResult(undefined); setPendingType(type); setPendingSection(undefined); setSettingsOpen(false); setEditing(undefined); setCreating(false); }} />
            </aside>
            <main className="d-center">{entity && (
              <FormCanvas entity={entity} layout={layout} registry={registry} onEdit={(n) => { setEditing(n); setPendingType(undefined); setSettingsOpen(false); }}
                onAddSection={() => setDraft(addSection(draft, entity['x-name'], { en: t('section.newLabel', { lng: 'en' }), zh: t('section.newLabel', { lng: 'zh' }) }))}
                sectionActions={{
                  onRename: (id, text) => setDraft(renameSection(draft, entity['x-name'], id, i18n.language === 'zh' ? 'zh' : 'en', text)),
                  onColumns: (id, n) => setDraft(setSectionColumns(draft, entity['x-name'], id, n)),
                  onTab: (id, tab) => setDraft(setSectionTab(draft, entity['x-name'], id, tab)),
                  onRemove: (id) => setDraft(removeSection(draft, entity['x-name'], id)),
                }} />
            )}</main>
            <aside className="d-right">
              {creating && (
                <NewEntityForm app={draft} onCancel={() => setCreating(false)}
                  onCreate={(d) => { setDraft(addEntity(draft, d)); setEntityName(d.name); setCreating(false); }} />
              )}
              {entity && settingsOpen && (
                <EntitySettings key={entity['x-name']} entity={entity} entities={draft.entities} layouts={draft.layouts} workflows={draft.workflows} onClose={() => setSettingsOpen(false)}
                  onApply={(next) => { setDraft({ ...draft, entities: draft.entities.map((e) => (e['x-name'] === next['x-name'] ? next : e)) }); setSettingsOpen(false); }} />
              )}
              {entity && entityPanel === 'public-forms' && (
                <PublicFormsPanel key={entity['x-name']} app={draft} entity={entity} onChange={setDraft} onClose={() => setEntityPanel(undefined)} />
              )}
              {entity && editing && entity.properties[editing] && (
                <FieldEditor key={`${entityName}-${editing}`} name={editing} entity={entity} registry={registry} app={draft} published={published?.app} onClose={() => setEditing(undefined)}
                  onDelete={() => { setDraft(deleteField(draft, entity['x-name'], editing)); setEditing(undefined); }}
                  onApply={(change) => {
                    const renamed = renameField(draft, entity['x-name'], editing, change.name);
                    setDraft(patchField(renamed, entity['x-name'], change.name, { field: change.field, required: change.required }));
                    setEditing(undefined);
                  }} />
              )}
              {entity && editing && layout?.sections.some((s) => s.fields.includes(editing)) && (
                <FieldLayoutEditor key={`${entityName}-${editing}-layout`} name={editing} layout={layout}
                  onApply={({ sectionId, visibleWhen }) => {
                    const moved = layout.sections.find((s) => s.id === sectionId)?.fields.includes(editing) ? draft : moveFieldTo(draft, entity['x-name'], editing, sectionId);
                    setDraft(setVisibleWhen(moved, entity['x-name'], editing, visibleWhen));
                  }} />
              )}
              {entity && pendingType && registry.has(pendingType) && (
                <FieldInspector
                  key={`${entityName}-${pendingType}`}
                  type={registry.get(pendingType)}
                  entity={entity}
                  entities={draft.entities}
                  onCancel={() => setPendingType(undefined)}
                  onAdd={(fieldDraft) => {
                    const added = addField(draft, entity['x-name'], fieldDraft);
                    const first = layout?.sections[0]?.id;
                    setDraft(pendingSection && pendingSection !== first ? moveFieldTo(added, entity['x-name'], fieldDraft.name, pendingSection) : added);
                    setPendingType(undefined);
                  }}
                />
              )}
              {entity && <FormPreview app={draft} entity={entity} registry={registry} widgets={widgets} />}
              {entity && <ViewAsRole app={draft} entity={entity} registry={registry} widgets={widgets} />}
              {published && <VersionsPanel published={published} draft={draft} onRolledBack={() => void load()} />}
              {published && <TransferPanel draft={draft} published={published.app} onImported={setDraft} />}
            </aside>
          </div>
          {merging && published && (
            // The merge becomes the draft on top of the live version; publishing it is the normal path.
            <MergeDialog baseVersion={published.version} draft={draft} onClose={() => setMerging(false)}
              onMerged={(live, merged) => void drafts.rebase(live, merged).then(() => { setMerging(false); setResult(undefined); })} />
          )}
          {reviewing && published && <PublishDialog draft={draft} published={published} onDone={published_} onClose={() => setReviewing(false)} />}
          <DragOverlay dropAnimation={null}>{dragging ? <div className="d-palette-item d-overlay">{registry.has(dragging) ? localize(registry.get(dragging).label, i18n.language) : dragging}</div> : null}</DragOverlay>
        </DndContext>
      )}
    </div>
  );
}
