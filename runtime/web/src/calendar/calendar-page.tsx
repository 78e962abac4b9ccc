import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import FullCalendar from '@fullcalendar/react';
import type { EventDropArg, EventInput, EventSourceInput } from '@fullcalendar/core';
import zhCnLocale from '@fullcalendar/core/locales/zh-cn';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import interactionPlugin from '@fullcalendar/interaction';
import luxonPlugin from '@fullcalendar/luxon3';
import type { AppDefinition } from '@tessera/metadata';
import { recordsApi } from '../api/records-api';
import { useCapabilities } from '../permissions/capabilities-context';
import { localize, toLocale } from '../meta/localize';
import { calendarSources, movedValues, rangeQuery, recordToEntry, type CalendarSource } from './calendar-sources';

export interface CalendarPageProps {
  app: AppDefinition;
  userId: string;
  /** The app's IANA time zone; the browser's when the server names none. */
  timeZone?: string;
  onOpen(plural: string, id: string): void;
}

/**
 * `#/_calendar`: every calendar view the user may read as one layer of one calendar (month,
 * week, day), in the app's time zone. Dragging an entry of a layer the user may update PATCHes
 * the record through the ordinary API — validation, scope and field permissions apply — and a
 * refused move snaps back with the server's message.
 */
export default function CalendarPage({ app, userId, timeZone, onOpen }: CalendarPageProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const caps = useCapabilities();
  const sources = useMemo(() => calendarSources(app, caps), [app, caps]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<{ text: string; error: boolean } | undefined>();
  const byName = useMemo(() => new Map(sources.map((s) => [s.view.name, s])), [sources]);

  const eventSources = useMemo<EventSourceInput[]>(() => sources.filter((s) => !hidden.has(s.view.name)).map((source) => ({
    id: source.view.name,
    color: source.color,
    editable: source.editable,
    events: (info, success, failure) => {
      recordsApi.list(source.entity['x-plural'], rangeQuery(source, info.startStr, info.endStr, userId)).then(
        (page) => success(page.data.flatMap((r): EventInput[] => {
          const entry = recordToEntry(source, r, t('record.untitled'));
          return entry ? [{ ...entry, extendedProps: { recordId: r.id } }] : [];
        })),
        (err: Error) => failure(err),
      );
    },
  })), [sources, hidden, userId, t]);

  const onDrop = (info: EventDropArg) => {
    const source: CalendarSource | undefined = byName.get(info.event.source?.id ?? '');
    const recordId = info.event.extendedProps.recordId as string | undefined;
    if (!source || !recordId) return info.revert();
    const title = info.event.title;
    const values = movedValues(source, info.event.start, info.event.end, info.event.startStr, info.event.endStr);
    recordsApi.update(source.entity['x-plural'], recordId, values).then(
      () => setNotice({ text: t('calendar.moved', { title, when: new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', ...(source.allDay ? {} : { timeStyle: 'short' }), ...(timeZone ? { timeZone } : {}) }).format(info.event.start!) }), error: false }),
      (err: Error) => {
        info.revert();
        setNotice({ text: t('calendar.refused', { title, message: err.message }), error: true });
      },
    );
  };

  if (sources.length === 0) return <div className="t-card" data-testid="calendar"><h2>{t('calendar.title')}</h2><p className="t-muted" data-testid="calendar-empty">{t('calendar.none')}</p></div>;
  return (
    <div className="t-card t-calendar" data-testid="calendar">
      <div className="t-card-header">
        <h2>{t('calendar.title')}</h2>
        <fieldset className="t-calendar-layers" aria-label={t('calendar.sources')}>
          {sources.map((s) => (
            <label key={s.view.name} className="t-calendar-layer" style={{ borderColor: s.color }}>
              <input type="checkbox" data-testid={`calendar-layer-${s.view.name}`} checked={!hidden.has(s.view.name)}
                onChange={(e) => setHidden((prev) => { const next = new Set(prev); if (e.target.checked) next.delete(s.view.name); else next.add(s.view.name); return next; })} />
              <span className="t-calendar-swatch" style={{ background: s.color }} aria-hidden="true" /> {localize(s.view.label, locale)}
            </label>
          ))}
        </fieldset>
      </div>
      {notice && <p className={notice.error ? 't-field-note t-danger' : 't-field-note'} role={notice.error ? 'alert' : 'status'} data-testid="calendar-notice">{notice.text}</p>}
      <FullCalendar
        plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin, luxonPlugin]}
        initialView="dayGridMonth"
        headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,timeGridDay' }}
        buttonText={{ today: t('calendar.today'), month: t('calendar.month'), week: t('calendar.week'), day: t('calendar.day') }}
        buttonHints={{ prev: t('calendar.previous'), next: t('calendar.next') }}
        locales={[zhCnLocale]}
        locale={locale === 'zh' ? 'zh-cn' : 'en'}
        timeZone={timeZone ?? 'local'}
        eventSources={eventSources}
        // An entry keeps its kind: a date field cannot become a time and a datetime cannot become a whole day.
        eventAllow={(drop, dragged) => drop.allDay === Boolean(dragged?.allDay)}
        eventDrop={onDrop}
        eventClick={(info) => {
          const source = byName.get(info.event.source?.id ?? '');
          const recordId = info.event.extendedProps.recordId as string | undefined;
          if (source && recordId) onOpen(source.entity['x-plural'], recordId);
        }}
        eventDidMount={(info) => {
          info.el.dataset.testid = 'calendar-entry';
          info.el.dataset.recordId = String(info.event.extendedProps.recordId ?? '');
          info.el.dataset.layer = info.event.source?.id ?? '';
        }}
        dayMaxEvents
        height="auto"
      />
    </div>
  );
}
