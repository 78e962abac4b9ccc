import { useEffect, useMemo, useState } from 'react';
import { DndContext, PointerSensor, KeyboardSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { recordsApi, type RecordData } from '../api/records-api';
import { localize, toLocale } from '../meta/localize';
import { formatCell } from '../records/format-cell';
import { ErrorBanner } from '../shell/error-banner';
import { TransitionDialog, type Transition } from '../workflow/transition-dialog';
import { BoardCard } from './board-card';
import { BoardColumn } from './board-column';
import { boardFields, workflowFieldOf } from './board-field';

/** Cards loaded at once; a board is for the working set, the list for the long tail. */
const BOARD_LIMIT = 500;

export interface KanbanBoardProps {
  entity: EntityDefinition;
  app: AppDefinition;
  onOpen: (id: string) => void;
  onList: () => void;
}

/**
 * Records as cards in one column per option of a select field. Dropping a card on another
 * column takes the workflow transition to that state (opening its form when it has one), or
 * PATCHes a plain select; when the server says no, the card snaps back and the reason shows.
 */
export default function KanbanBoard({ entity, app, onOpen, onList }: KanbanBoardProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const plural = entity['x-plural'];
  const fields = useMemo(() => boardFields(entity, app), [entity, app]);
  const [field, setField] = useState(fields[0]);
  const [records, setRecords] = useState<RecordData[]>();
  const [error, setError] = useState<string>();
  const [asking, setAsking] = useState<{ record: RecordData; transition: Transition }>();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor));
  const workflowField = workflowFieldOf(entity, app);
  const display = entity['x-display-field'] ?? Object.keys(entity.properties)[0];
  const subtitleField = Object.keys(entity.properties).find((n) => n !== display && n !== field && entity.properties[n]['x-type'] === 'select');

  useEffect(() => {
    let live = true;
    recordsApi.list(plural, `limit=${BOARD_LIMIT}&offset=0&sort=-updated_at`).then((p) => live && setRecords(p.data), (e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [plural]);

  const put = (record: RecordData) => setRecords((rs) => rs?.map((r) => (r.id === record.id ? record : r)));
  async function move(record: RecordData, to: string) {
    setError(undefined);
    put({ ...record, [field]: to }); // optimistic; `record` is what it snaps back to
    try {
      if (field === workflowField) {
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
    }
  }

  const options = entity.properties[field]?.['x-options'] ?? [];
  const optionLabel = (v: unknown) => localize(options.find((o) => o.value === v)?.label, locale) || String(v ?? '');
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const record = records?.find((r) => r.id === active.id);
    if (record && over && record[field] !== over.id) void move(record, String(over.id));
  };

  return (
    <div className="t-card" data-testid={`board-${entity['x-name']}`}>
      <div className="t-card-header">
        <h2>{localize(entity['x-label-plural'] ?? entity['x-label'], locale)}</h2>
        <div className="t-actions">
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
                      subtitle={subtitleField ? formatCell(entity.properties[subtitleField], r[subtitleField], locale, [t('list.yes'), t('list.no')]) : ''} />
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
