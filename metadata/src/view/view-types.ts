import type { LocalizedText } from '../i18n-types';

export type ViewKind = 'list' | 'kanban' | 'calendar';

/**
 * A list or kanban view of one entity (issue 7); on disk `views/*.view.json`. Field names are
 * the API's: own fields, system fields, or relation paths (`customer.industry`, `owner.username`).
 */
export interface ViewDefinition {
  /** snake_case, unique in the app. */
  name: string;
  /** `x-name` of the entity the view shows. */
  entity: string;
  label: LocalizedText;
  kind: ViewKind;
  /** List: the columns in order. Kanban: unused (see `cardFields`). */
  columns?: string[];
  /** Sort keys as the API's `sort` takes them: `-amount` is descending. */
  sort?: string[];
  /** The API's JSON filter (`{"level": {"eq": "A"}}`), ANDed with whatever the user adds. */
  filter?: Record<string, unknown>;
  /** Kanban: the select (or workflow state) field whose options are the columns. */
  groupBy?: string;
  /** Kanban: fields shown on a card under its title. */
  cardFields?: string[];
  /**
   * Calendar: the date or datetime field that places a record on the calendar. Every calendar
   * view the user may read is one layer of the app's calendar (`#/_calendar`), so several
   * entities share one calendar.
   */
  startField?: string;
  /** Calendar: where the record's time ends (same type as `startField`); absent: a point in time or one day. */
  endField?: string;
  /** Calendar: the entry's title; the display field when absent. */
  titleField?: string;
}
