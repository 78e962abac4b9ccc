import { builtinFieldTypes } from '@tessera/engine';
import { CANVAS_SECTION_KEYWORDS } from '../canvas/canvas-section';
import { CARD_EDITOR_KEYWORDS } from '../dashboards/card-editor';
import { DASHBOARD_EDITOR_KEYWORDS } from '../dashboards/dashboard-editor-page';
import { ENTITY_SETTINGS_KEYWORDS } from '../entity/entity-settings';
import { INDEXES_EDITOR_KEYWORDS } from '../entity/indexes-editor';
import { NEW_ENTITY_FORM_KEYWORDS } from '../entity/new-entity-form';
import { POOL_EDITOR_KEYWORDS } from '../entity/pool-editor';
import { RECORD_TYPES_EDITOR_KEYWORDS } from '../entity/record-types-editor';
import { RULES_EDITOR_KEYWORDS } from '../entity/rules-editor';
import { FIELD_EDITOR_KEYWORDS } from '../inspector/field-editor';
import { FIELD_INSPECTOR_KEYWORDS } from '../inspector/field-inspector';
import { FIELD_LAYOUT_EDITOR_KEYWORDS } from '../inspector/field-layout-editor';
import { keywordFormPaths } from '../inspector/type-keyword-schema';
import { ADD_ENTITY_GENERATED_KEYWORDS } from '../model/add-entity';
import { ADD_FIELD_GENERATED_KEYWORDS } from '../model/add-field';
import { FIELD_ACCESS_GRID_KEYWORDS } from '../permissions/field-access-grid';
import { PERMISSIONS_MATRIX_KEYWORDS } from '../permissions/permissions-matrix';
import { PUBLIC_FORM_EDITOR_KEYWORDS } from '../public-form/public-form-editor';
import { APP_LABEL_EDITOR_KEYWORDS } from '../views/app-label-editor';
import { CALENDAR_SETTINGS_KEYWORDS } from '../views/calendar-settings';
import { VIEW_EDITOR_KEYWORDS } from '../views/view-editor-page';
import { APPROVAL_EDITOR_KEYWORDS } from '../workflow/approval-editor';
import { LOCK_EDITOR_KEYWORDS } from '../workflow/lock-editor';
import { STATE_INSPECTOR_KEYWORDS } from '../workflow/state-inspector';
import { TIMER_EDITOR_KEYWORDS } from '../workflow/timer-editor';
import { TRANSITION_INSPECTOR_KEYWORDS } from '../workflow/transition-inspector';
import { WORKFLOW_PAGE_KEYWORDS } from '../workflow/workflow-page';

/**
 * Which editor reaches which metadata keyword: each editor module declares its paths, and the
 * keyword form reaches every field keyword its schemas give it. A path reaches the keywords
 * inside it (`entity.x-rules` reaches `entity.x-rules[].expr`) unless an exception names one.
 */
export const EDITOR_KEYWORDS: Record<string, readonly string[]> = {
  'inspector/field-inspector': FIELD_INSPECTOR_KEYWORDS,
  'inspector/field-editor': FIELD_EDITOR_KEYWORDS,
  'inspector/keyword-form': keywordFormPaths(builtinFieldTypes),
  'inspector/field-layout-editor': FIELD_LAYOUT_EDITOR_KEYWORDS,
  'canvas/canvas-section': CANVAS_SECTION_KEYWORDS,
  'entity/new-entity-form': NEW_ENTITY_FORM_KEYWORDS,
  'entity/entity-settings': ENTITY_SETTINGS_KEYWORDS,
  'entity/indexes-editor': INDEXES_EDITOR_KEYWORDS,
  'entity/rules-editor': RULES_EDITOR_KEYWORDS,
  'entity/pool-editor': POOL_EDITOR_KEYWORDS,
  'entity/record-types-editor': RECORD_TYPES_EDITOR_KEYWORDS,
  'views/view-editor-page': VIEW_EDITOR_KEYWORDS,
  'views/calendar-settings': CALENDAR_SETTINGS_KEYWORDS,
  'views/app-label-editor': APP_LABEL_EDITOR_KEYWORDS,
  'dashboards/dashboard-editor-page': DASHBOARD_EDITOR_KEYWORDS,
  'dashboards/card-editor': CARD_EDITOR_KEYWORDS,
  'permissions/permissions-matrix': PERMISSIONS_MATRIX_KEYWORDS,
  'permissions/field-access-grid': FIELD_ACCESS_GRID_KEYWORDS,
  'public-form/public-form-editor': PUBLIC_FORM_EDITOR_KEYWORDS,
  'workflow/workflow-page': WORKFLOW_PAGE_KEYWORDS,
  'workflow/state-inspector': STATE_INSPECTOR_KEYWORDS,
  'workflow/transition-inspector': TRANSITION_INSPECTOR_KEYWORDS,
  'workflow/lock-editor': LOCK_EDITOR_KEYWORDS,
  'workflow/timer-editor': TIMER_EDITOR_KEYWORDS,
  'workflow/approval-editor': APPROVAL_EDITOR_KEYWORDS,
  // Written by the designer on the author's behalf (ids, the layout of a new entity).
  'model/add-field': ADD_FIELD_GENERATED_KEYWORDS,
  'model/add-entity': ADD_ENTITY_GENERATED_KEYWORDS,
};

/** Keywords no designer editor reaches, on purpose; each says why. */
export const KEYWORD_EXCEPTIONS: Record<string, string> = {
  'app.$schema': 'An editor hint in JSON files on disk, not app data.',
  'entity.$schema': 'An editor hint in JSON files on disk, not app data.',
  'layout.$schema': 'An editor hint in JSON files on disk, not app data.',
  'view.$schema': 'An editor hint in JSON files on disk, not app data.',
  'dashboard.$schema': 'An editor hint in JSON files on disk, not app data.',
  'permission.$schema': 'An editor hint in JSON files on disk, not app data.',
  'workflow.$schema': 'An editor hint in JSON files on disk, not app data.',
  'permission.$comment': 'A note for people reading permissions.json; nothing runs from it.',
  'entity.$comment': 'A developer note in the entity file; never shown to end users.',
  'field.$comment': 'A developer note in the entity file; never shown to end users.',
  'workflow.$comment': 'A developer note in the workflow file; never shown to end users.',
  'entity.additionalProperties': 'Always false (a const): there is nothing to choose.',
  'entity.x-plugins': 'Owned by plugins and validated by each plugin\'s own schema; a plugin\'s designer extension edits its part.',
  'field.x-plugins': 'Owned by plugins and validated by each plugin\'s own schema; a plugin\'s designer extension edits its part.',
  'app.name': 'The workspace\'s identity (its schema and stored versions); renaming an app is an operation, not an edit.',
  'app.plugins': 'Plugins are enabled and configured in the admin\'s plugin page of the running app, with each plugin\'s settings schema.',
  'workflow.version': 'Set to 1 when the designer creates or imports a workflow; not an author\'s choice.',
  'workflow.machine.id': 'XState\'s machine id, set to the workflow name on creation and import; never shown to users.',
  'field.x-relation.kind': 'The designer creates many-to-one relations; one-to-many and many-to-many kinds are authored in JSON for now (changing a kind changes tables).',
  'field.x-relation.field': 'The inverse field of a one-to-many relation, which the designer does not create yet (see x-relation.kind).',
  'permission.roles.*.entities.*.scope.expression': 'Expression scopes are written in JSON; the matrix offers own/team/department/all.',
  // Metrics (issue 21, ADR 0053): authored as JSON files; a designer editor is a follow-up.
  'app.metrics': 'Metrics (issue 21) are declared in metrics/*.metric.json for now; the designer has no metric editor yet, so they are kept as written.',
  'dashboard.metrics': 'Metric cards are written in the dashboard file beside its chart cards; the dashboard editor keeps them as they are and edits only the chart cards.',
  'metric.$schema': 'An editor hint in JSON files on disk, not app data.',
  'metric.name': 'Metrics (issue 21) are declared in metrics/*.metric.json for now; the designer has no metric editor yet, so they are kept as written.',
  'metric.label': 'Metrics (issue 21) are declared in metrics/*.metric.json for now; the designer has no metric editor yet, so they are kept as written.',
  'metric.description': 'Metrics (issue 21) are declared in metrics/*.metric.json for now; the designer has no metric editor yet, so they are kept as written.',
  'metric.format': 'Metrics (issue 21) are declared in metrics/*.metric.json for now; the designer has no metric editor yet, so they are kept as written.',
  'metric.range': 'Metrics (issue 21) are declared in metrics/*.metric.json for now; the designer has no metric editor yet, so they are kept as written.',
  'metric.value': 'Metrics (issue 21) are declared in metrics/*.metric.json for now; the designer has no metric editor yet, so they are kept as written.',
  'metric.numerator': 'Metrics (issue 21) are declared in metrics/*.metric.json for now; the designer has no metric editor yet, so they are kept as written.',
  'metric.denominator': 'Metrics (issue 21) are declared in metrics/*.metric.json for now; the designer has no metric editor yet, so they are kept as written.',
};
