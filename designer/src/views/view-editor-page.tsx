import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition, EntityDefinition, LocalizedText, ViewDefinition } from '@tessera/metadata';
import { FilterBuilder } from '../filters/filter-builder';
import { AppLabelEditor } from './app-label-editor';
import { CalendarSettings } from './calendar-settings';
import { calendarDateFields } from './calendar-view';
import { localize } from '../localize';
import { groupByFields, newView, putView, removeView, switchKind } from './edit-views';
import { moveItem, SortableList } from './sortable-list';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const VIEW_EDITOR_KEYWORDS = ['app.views', 'view.name', 'view.entity', 'view.label', 'view.kind', 'view.columns', 'view.sort', 'view.groupBy', 'view.cardFields', 'view.filter'] as const;

const SORTABLE_SYSTEM = ['created_at', 'updated_at'];

/** Label inputs in English and Chinese, as every metadata label is `{ en, zh }`. */
export function LabelInputs({ value, onChange, testId }: { value: LocalizedText; onChange: (next: LocalizedText) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="d-row">
      <label>{t('viewEditor.labelEn')} <input data-testid={`${testId}-en`} value={value.en} onChange={(e) => onChange({ ...value, en: e.target.value })} /></label>
      <label>{t('viewEditor.labelZh')} <input data-testid={`${testId}-zh`} value={value.zh ?? ''} onChange={(e) => onChange({ ...value, zh: e.target.value })} /></label>
    </div>
  );
}

function FieldsEditor({ view, entity, onChange }: { view: ViewDefinition; entity: EntityDefinition; onChange: (view: ViewDefinition) => void }) {
  const { t, i18n } = useTranslation();
  const key = view.kind === 'list' ? 'columns' : 'cardFields';
  const fields = view[key] ?? [];
  const label = (path: string) => localize(entity.properties[path.split('.')[0]]?.['x-label'], i18n.language) + (path.includes('.') ? ` · ${path.split('.').slice(1).join('.')}` : '') || path;
  const free = Object.keys(entity.properties).filter((n) => !fields.includes(n) && n !== view.groupBy);
  const [adding, setAdding] = useState('');
  return (
    <fieldset className="d-fieldset">
      <legend>{t(view.kind === 'list' ? 'viewEditor.columns' : 'viewEditor.cardFields')}</legend>
      <SortableList ids={fields} testId="view-fields" labels={Object.fromEntries(fields.map((f) => [f, label(f)]))} onMove={(id, over) => onChange({ ...view, [key]: moveItem(fields, id, over) })}
        render={(path) => (
          <>
            <span>{label(path)}</span>
            <button type="button" className="d-btn d-btn-ghost" data-testid={`view-field-remove-${path}`} aria-label={t('viewEditor.removeField', { name: label(path) })} onClick={() => onChange({ ...view, [key]: fields.filter((f) => f !== path) })}>✕</button>
          </>
        )} />
      <div className="d-row">
        <select aria-label={t('viewEditor.addField')} data-testid="view-field-add" value={adding} onChange={(e) => setAdding(e.target.value)}>
          <option value="">{t('viewEditor.addField')}</option>
          {free.map((n) => <option key={n} value={n}>{label(n)}</option>)}
        </select>
        <button type="button" className="d-btn" data-testid="view-field-add-confirm" disabled={!adding} onClick={() => { onChange({ ...view, [key]: [...fields, adding] }); setAdding(''); }}>{t('viewEditor.add')}</button>
      </div>
    </fieldset>
  );
}

/**
 * List, kanban and calendar views (issues 7, 17): entity, kind, columns (or card fields)
 * reordered by drag and drop, a sort, a kanban's group-by field, a calendar's start, end and
 * title fields. Edits go to the draft app, so undo and publish work as for forms. Loaded
 * lazily with its tab.
 */
export default function ViewEditorPage({ app, onChange }: { app: AppDefinition; onChange: (next: AppDefinition) => void }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState(app.views?.[0]?.name);
  const [newEntity, setNewEntity] = useState(app.entities[0]?.['x-name'] ?? '');
  const view = app.views?.find((v) => v.name === name);
  const entity = view && app.entities.find((e) => e['x-name'] === view.entity);
  const update = (next: ViewDefinition) => onChange(putView(app, next.name, next));
  const create = (kind: ViewDefinition['kind']) => {
    const target = app.entities.find((e) => e['x-name'] === newEntity);
    if (!target) return;
    const label = { en: t(`viewEditor.new.${kind}`, { lng: 'en', entity: localize(target['x-label'], 'en') }), zh: t(`viewEditor.new.${kind}`, { lng: 'zh', entity: localize(target['x-label'], 'zh') }) };
    const made = newView(app, target, kind, label);
    onChange(putView(app, made.name, made));
    setName(made.name);
  };
  const newTarget = app.entities.find((e) => e['x-name'] === newEntity);
  const newEntityDates = newTarget ? calendarDateFields(newTarget) : [];
  const calendar = view?.kind === 'calendar';
  const [sortField, sortDir] = view?.sort?.[0] ? [view.sort[0].replace(/^[-+]/, ''), view.sort[0].startsWith('-') ? 'desc' : 'asc'] : ['', 'asc'];
  const setSort = (field: string, dir: string) => entity && view && update({ ...view, sort: field ? [`${dir === 'desc' ? '-' : ''}${field}`] : [] });

  return (
    <div className="d-page d-views-page" data-testid="views-page">
      <aside className="d-panel">
        <h2>{t('viewEditor.heading')}</h2>
        <ul className="d-entities">
          {(app.views ?? []).map((v) => (
            <li key={v.name}>
              <button type="button" className={v.name === name ? 'd-entity d-active' : 'd-entity'} data-testid={`view-${v.name}`} onClick={() => setName(v.name)}>
                {localize(v.label, i18n.language)} <span className="d-muted">({t(`viewEditor.kind.${v.kind}`)})</span>
              </button>
            </li>
          ))}
        </ul>
        <label>{t('viewEditor.entity')}{' '}
          <select data-testid="view-new-entity" value={newEntity} onChange={(e) => setNewEntity(e.target.value)}>
            {app.entities.map((e) => <option key={e['x-name']} value={e['x-name']}>{localize(e['x-label'], i18n.language)}</option>)}
          </select>
        </label>
        <div className="d-row">
          <button type="button" className="d-btn" data-testid="view-new-list" onClick={() => create('list')}>+ {t('viewEditor.kind.list')}</button>
          <button type="button" className="d-btn" data-testid="view-new-kanban" onClick={() => create('kanban')}>+ {t('viewEditor.kind.kanban')}</button>
          <button type="button" className="d-btn" data-testid="view-new-calendar" disabled={!newEntityDates.length} onClick={() => create('calendar')}>+ {t('viewEditor.kind.calendar')}</button>
        </div>
        {newTarget && !newEntityDates.length && <p className="d-hint">{t('calendar.noDates', { entity: localize(newTarget['x-label'], i18n.language) })}</p>}
        <AppLabelEditor app={app} onChange={onChange} />
      </aside>
      <main className="d-panel d-grow">
        {!view || !entity ? <p className="d-hint">{t('viewEditor.empty')}</p> : (
          <form className="d-view-form" onSubmit={(e) => e.preventDefault()} aria-label={localize(view.label, i18n.language)}>
            <h2>{localize(view.label, i18n.language)} <code className="d-muted">{view.name}</code></h2>
            <LabelInputs value={view.label} onChange={(label) => update({ ...view, label })} testId="view-label" />
            <div className="d-row">
              <span>{t('viewEditor.entity')}: <strong>{localize(entity['x-label'], i18n.language)}</strong></span>
              <label>{t('viewEditor.kindLabel')}{' '}
                <select data-testid="view-kind" value={view.kind} onChange={(e) => update(switchKind(app, entity, view, e.target.value as ViewDefinition['kind']))}>
                  <option value="list">{t('viewEditor.kind.list')}</option>
                  <option value="kanban">{t('viewEditor.kind.kanban')}</option>
                  <option value="calendar" disabled={!calendarDateFields(entity).length}>{t('viewEditor.kind.calendar')}</option>
                </select>
              </label>
              {view.kind === 'kanban' && (
                <label>{t('viewEditor.groupBy')}{' '}
                  <select data-testid="view-group-by" value={view.groupBy ?? ''} onChange={(e) => update({ ...view, groupBy: e.target.value, cardFields: (view.cardFields ?? []).filter((f) => f !== e.target.value) })}>
                    {groupByFields(app, entity).map((n) => <option key={n} value={n}>{localize(entity.properties[n]['x-label'], i18n.language)}</option>)}
                  </select>
                </label>
              )}
            </div>
            {calendar ? <CalendarSettings view={view} entity={entity} onChange={update} /> : <FieldsEditor view={view} entity={entity} onChange={update} />}
            <div className="d-row" hidden={calendar}>
              <label>{t('viewEditor.sort')}{' '}
                <select data-testid="view-sort-field" value={sortField} onChange={(e) => setSort(e.target.value, sortDir)}>
                  <option value="">{t('viewEditor.noSort')}</option>
                  {[...Object.keys(entity.properties).filter((n) => !['multiselect', 'relation', 'richtext', 'textarea', 'file'].includes(entity.properties[n]['x-type'])), ...SORTABLE_SYSTEM].map((n) => (
                    <option key={n} value={n}>{localize(entity.properties[n]?.['x-label'], i18n.language) || t(`viewEditor.system.${n}`)}</option>
                  ))}
                </select>
              </label>
              <select aria-label={t('viewEditor.direction')} data-testid="view-sort-dir" value={sortDir} disabled={!sortField} onChange={(e) => setSort(sortField, e.target.value)}>
                <option value="asc">{t('viewEditor.asc')}</option>
                <option value="desc">{t('viewEditor.desc')}</option>
              </select>
            </div>
            <FilterBuilder key={view.name} id="view-filter" entity={entity} value={view.filter}
              onChange={(filter) => { const { filter: _old, ...rest } = view; update(filter ? { ...rest, filter } : rest); }} />
            <button type="button" className="d-btn d-btn-danger" data-testid="view-remove" onClick={() => { onChange(removeView(app, view.name)); setName(undefined); }}>{t('viewEditor.remove')}</button>
          </form>
        )}
      </main>
    </div>
  );
}
