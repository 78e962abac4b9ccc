import { useCallback, useEffect, useMemo, useState } from 'react';
import { DndContext, PointerSensor, KeyboardSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { recordsApi, type RecordData } from '../api/records-api';
import { bindMe } from '../meta/bind-me';
import { localize, toLocale } from '../meta/localize';
import { expandFor, pathCell } from '../meta/view-cell';
import { cellValue, referenceFields } from '../records/cell-value';
import { keepExpanded } from '../records/keep-expanded';
import { useCellContext } from '../records/use-cell-context';
import { ErrorBanner } from '../shell/error-banner';
import { TransitionDialog, type Transition } from '../workflow/transition-dialog';
import { BoardCard } from './board-card';
import { BoardColumn } from './board-column';
import { boardFields, isWorkflowField } from './board-field';
import { useEntityCapabilities } from '../permissions/capabilities-context';

/** Cards loaded at once; a board is for the working set, the list for the long tail. */
const BOARD_LIMIT = 500;

export interface KanbanBoardProps {
  entity: EntityDefinition;
  app: AppDefinition;
  onOpen: (id: string) => void;
  onList: () => void;
  /** Binds `"$me"` in a kanban view's filter. */
  userId?: string;
}

/**
 * The cards whose move the server has not answered yet. Such a card cannot be dragged again:
 * two moves of one card in flight at once could be answered out of order, and the older
 * answer would put the card back in a column the record has already left.
 */
function useSavingCards(): [ReadonlySet<string>, (id: string, on: boolean) => void] {
  const [saving, setSaving] = useState<ReadonlySet<string>>(() => new Set());
  const mark = useCallback((id: string, on: boolean) => setSaving((ids) => {
    const next = new Set(ids);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  }), []);
  return [saving, mark];
}

/**
 * Records as cards in one column per option of a select field. Dropping a card on another
 * column takes the workflow transition to that state (opening its form when it has one), or
 * PATCHes a plain select; when the server says no, the card snaps back and the reason shows.
 */
export default function KanbanBoard({ entity, app, onOpen, onList, userId }: KanbanBoardProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const plural = entity['x-plural'];
  const fields = useMemo(() => boardFields(entity, app), [entity, app]);
  // Kanban views from metadata (issue 7) choose the column field, card lines, sort and filter; without one, the first board field.
  const views = useMemo(() => (app.views ?? []).filter((v) => v.kind === 'kanban' && v.entity === entity['x-name'] && fields.includes(v.groupBy ?? '')), [app, entity, fields]);
  const [viewName, setViewName] = useState<string | undefined>(views[0]?.name);
  const active = views.find((v) => v.name === viewName);
  const [field, setField] = useState(active?.groupBy ?? fields[0]);
  const [records, setRecords] = useState<RecordData[]>();
  const [error, setError] = useState<string>();
  const [asking, setAsking] = useState<{ record: RecordData; transition: Transition }>();
  const [saving, markSaving] = useSavingCards();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor));
  const driven = isWorkflowField(entity, app, field);
  // A card moves only if the server would take the move: a transition needs the grant, a plain field update and write access to it.
  const grant = useEntityCapabilities(entity['x-name']);
  const canMove = driven ? Boolean(grant?.actions.includes('transition'))
    : Boolean(grant?.actions.includes('update')) && !entity.properties[field]?.['x-readonly'];
  const display = entity['x-display-field'] ?? Object.keys(entity.properties)[0];
  const subtitleField = Object.keys(entity.properties).find((n) => n !== display && n !== field && entity.properties[n]['x-type'] === 'select');
  // Only a view's card lines can be references: the default subtitle is a select.
  const cardPaths = useMemo(() => active?.cardFields ?? [], [active]);
  const cells = useCellContext(app.entities, records, referenceFields(entity, cardPaths).users);

  useEffect(() => {
    let live = true;
    const params = new URLSearchParams({ limit: String(BOARD_LIMIT), offset: '0', sort: active?.sort?.length ? active.sort.join(',') : '-updated_at' });
    if (active?.filter) params.set('filter', JSON.stringify(bindMe(active.filter, userId)));
    // The card lines' relations come with the page (one query per relation, not per card).
    const expand = expandFor(entity, cardPaths);
    if (expand.length) params.set('expand', expand.join(','));
    setRecords(undefined);
    recordsApi.list(plural, params.toString()).then((p) => live && setRecords(p.data), (e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [plural, entity, active, userId, cardPaths]);
  const chooseView = (name: string) => {
    setViewName(name || undefined);
    const next = views.find((v) => v.name === name);
    if (next?.groupBy) setField(next.groupBy);
  };
  const subtitleOf = (r: RecordData) => active?.cardFields
    ? active.cardFields.map((path) => pathCell(app, entity, path, r, cells).text).filter(Boolean).join(' · ')
    : subtitleField ? cellValue(subtitleField, entity.properties[subtitleField], r[subtitleField], cells, r).text : '';

  // What the server sends back after a move has ids where the page had expanded records: keep those.
  const put = (record: RecordData) => setRecords((rs) => rs?.map((r) => (r.id === record.id ? keepExpanded(r, record) : r)));
  async function move(record: RecordData, to: string) {
    setError(undefined);
    put({ ...record, [field]: to }); // optimistic; `record` is what it snaps back to
    markSaving(record.id, true);
    try {
      if (driven) {
        const wf = await recordsApi.workflow(plural, record.id);
        const transition = wf.transitions.find((tr) => tr.target === to);
        if (!transition) throw new Error(t('board.noTransition', { from: optionLabel(record[field]), to: optionLabel(to) }));
        if (transition.form) {
          put(record);
          setAsking({ record, transition });
          return;
        }
        put(await recordsApi.transition(plural, record.id, transition.event));
      } else {
        put(await recordsApi.update(plural, record.id, { [field]: to }, record.version));
      }
    } catch (e) {
      put(record);
      setError((e as Error).message);
    } finally {
      markSaving(record.id, false);
    }
  }

  const options = entity.properties[field]?.['x-options'] ?? [];
  const optionLabel = (v: unknown) => localize(options.find((o) => o.value === v)?.label, locale) || String(v ?? '');
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const record = records?.find((r) => r.id === active.id);
    if (canMove && record && over && record[field] !== over.id && !saving.has(record.id)) void move(record, String(over.id));
  };

  return (
    <div className="t-card" data-testid={`board-${entity['x-name']}`}>
      <div className="t-card-header">
        <h2>{localize(entity['x-label-plural'] ?? entity['x-label'], locale)}</h2>
        <div className="t-actions">
          {views.length > 0 && (
            <label className="t-muted">{t('views.view')}{' '}
              <select data-testid="board-view" value={viewName ?? ''} onChange={(e) => chooseView(e.target.value)}>
                {views.map((v) => <option key={v.name} value={v.name}>{localize(v.label, locale)}</option>)}
                <option value="">{t('views.default')}</option>
              </select>
            </label>
          )}
          <label className="t-muted">{t('board.groupBy')}{' '}
            <select data-testid="board-field" value={field} onChange={(e) => setField(e.target.value)}>
              {fields.map((name) => <option key={name} value={name}>{localize(entity.properties[name]['x-label'], locale)}</option>)}
            </select>
          </label>
          <button type="button" className="t-btn" data-testid="view-list" onClick={onList}>{t('board.list')}</button>
        </div>
      </div>
      {error && <ErrorBanner message={error} onClose={() => setError(undefined)} />}
      {!records && !error && <p className="t-muted">{t('app.loading')}</p>}
      {records && (
        <DndContext sensors={sensors} onDragEnd={onDragEnd}>
          <div className="t-board">
            {options.map((option) => {
              const cards = records.filter((r) => r[field] === option.value);
              return (
                <BoardColumn key={option.value} value={option.value} title={localize(option.label, locale)} count={cards.length}>
                  {cards.map((r) => (
                    <BoardCard key={r.id} record={r} title={String(r[display] ?? '') || t('record.untitled')} onOpen={() => onOpen(r.id)}
                      subtitle={subtitleOf(r)} saving={saving.has(r.id)} locked={!canMove} />
                  ))}
                </BoardColumn>
              );
            })}
          </div>
        </DndContext>
      )}
      {asking && (
        <TransitionDialog plural={plural} recordId={asking.record.id} transition={asking.transition}
          onDone={(saved) => { put(saved); setAsking(undefined); }} onCancel={() => setAsking(undefined)} />
      )}
    </div>
  );
}
