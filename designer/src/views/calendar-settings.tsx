import { useTranslation } from 'react-i18next';
import type { EntityDefinition, ViewDefinition } from '@tessera/metadata';
import { localize } from '../localize';
import { calendarDateFields, endFieldChoices, withCalendarKey, withStartField } from './calendar-view';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const CALENDAR_SETTINGS_KEYWORDS = ['view.startField', 'view.endField', 'view.titleField'] as const;

/** A calendar view's start (a date or datetime field), optional end of the same type, and entry title. */
export function CalendarSettings({ view, entity, onChange }: { view: ViewDefinition; entity: EntityDefinition; onChange: (next: ViewDefinition) => void }) {
  const { t, i18n } = useTranslation();
  const label = (n: string) => `${localize(entity.properties[n]?.['x-label'], i18n.language) || n} (${n})`;
  const ends = endFieldChoices(entity, view.startField);
  return (
    <fieldset className="d-fieldset" data-testid="view-calendar">
      <legend>{t('viewEditor.kind.calendar')}</legend>
      <p className="d-hint">{t('calendar.hint')}</p>
      <div className="d-row">
        <label>{t('calendar.startField')}{' '}
          <select data-testid="view-start-field" value={view.startField ?? ''} onChange={(e) => onChange(withStartField(view, entity, e.target.value))}>
            {calendarDateFields(entity).map((n) => <option key={n} value={n}>{label(n)}</option>)}
          </select>
        </label>
        <label>{t('calendar.endField')}{' '}
          <select data-testid="view-end-field" value={view.endField ?? ''} disabled={!ends.length && !view.endField} onChange={(e) => onChange(withCalendarKey(view, 'endField', e.target.value))}>
            <option value="">{t('calendar.noEnd')}</option>
            {ends.map((n) => <option key={n} value={n}>{label(n)}</option>)}
          </select>
        </label>
        <label>{t('calendar.titleField')}{' '}
          <select data-testid="view-title-field" value={view.titleField ?? ''} onChange={(e) => onChange(withCalendarKey(view, 'titleField', e.target.value))}>
            <option value="">{t('calendar.defaultTitle')}</option>
            {Object.keys(entity.properties).map((n) => <option key={n} value={n}>{label(n)}</option>)}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
