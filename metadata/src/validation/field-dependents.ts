import type { AppDefinition } from '../app/app-types';
import type { EntityDefinition, RollupSpec } from '../entity/entity-types';
import { pointerOf } from './json-pointer';
import { approverRuleParts } from '../workflow/approver-rule-parts';

/**
 * Every kind of place in an app's metadata that names a field. Deleting the field breaks each
 * of them (publish refuses, or the designer must clean it up), so the designer lists them
 * before a delete and names them in publish errors.
 */
export const DEPENDENT_KINDS = [
  'layout', 'visibility', 'view', 'card', 'rule', 'formula', 'rollup', 'relation', 'display-field', 'currency-field',
  'index', 'reminder', 'pool', 'record-type', 'permission', 'workflow-state', 'workflow-guard', 'workflow-timer', 'approval',
] as const;
export type DependentKind = (typeof DEPENDENT_KINDS)[number];

/** How a view or card uses the field. */
export type DependentRole = 'column' | 'sort' | 'filter' | 'group' | 'card-field' | 'measure' | 'condition' | 'fields' | 'approver' | 'summary' | 'notify' | 'activity';

export interface FieldDependent {
  kind: DependentKind;
  role?: DependentRole;
  /** Where, for tools; people read `describeDependent`'s words instead. */
  pointer: string;
  /** Names for the words: the entity, view, dashboard, workflow… that holds the reference. */
  entity?: string;
  layout?: string;
  section?: string;
  view?: string;
  dashboard?: string;
  card?: string;
  rule?: string;
  field?: string;
  workflow?: string;
  state?: string;
  event?: string;
  permissionRole?: string;
  step?: string;
}

type Field = { entity: string; name: string };

const KEYWORDS = new Set(['true', 'false', 'null', 'in', 'undefined']);

/** Identifiers an expression (jexl) reads at the top level: `amount > 10 && stage == "won"` → amount, stage. */
export function expressionNames(expr: string): Set<string> {
  const noStrings = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  const names = new Set<string>();
  let previous = '';
  // A name after "." is a property, after "|" a transform, with "$" a context ($user, $form).
  for (const [token] of noStrings.matchAll(/[A-Za-z_$][A-Za-z0-9_$]*|[0-9.]+|\S/g)) {
    if (/^[A-Za-z_]/.test(token) && previous !== '.' && previous !== '|' && !KEYWORDS.has(token)) names.add(token);
    previous = token;
  }
  return names;
}

const FILTER_LOGIC = new Set(['and', 'or', 'not', '$and', '$or', '$not']);

/** Field paths a JSON filter names (`{"stage": {"eq": "won"}, "or": [...]}`). */
function filterPaths(filter: unknown, out: string[] = []): string[] {
  if (Array.isArray(filter)) for (const item of filter) filterPaths(item, out);
  else if (filter && typeof filter === 'object') {
    for (const [key, value] of Object.entries(filter)) {
      if (FILTER_LOGIC.has(key)) filterPaths(value, out);
      else out.push(key);
    }
  }
  return out;
}

/** Whether a field path of `entity` (`stage`, `customer.industry`, `-amount`, `created_at:month`) reaches `target`. */
function pathHits(app: AppDefinition, entity: string, path: string, target: Field): boolean {
  const segments = path.replace(/^-/, '').split(':')[0].split('.');
  let current = entity;
  for (let i = 0; i < segments.length; i++) {
    if (current === target.entity && segments[i] === target.name) return true;
    const field = app.entities.find((e) => e['x-name'] === current)?.properties[segments[i]];
    const next = field?.['x-relation']?.entity;
    if (!next) return false;
    current = next;
  }
  return false;
}

const measureField = (measure: string) => (measure.includes(':') ? measure.split(':')[1] : undefined);

function entityDependents(app: AppDefinition, entity: EntityDefinition, index: number, target: Field, out: FieldDependent[]): void {
  const name = entity['x-name'];
  const base = pointerOf('entities', index);
  const own = name === target.entity;
  for (const [fieldName, field] of Object.entries(entity.properties)) {
    if (own && fieldName === target.name) continue;
    const at = base + pointerOf('properties', fieldName);
    if (own && field['x-formula'] && expressionNames(field['x-formula']).has(target.name)) out.push({ kind: 'formula', pointer: at + pointerOf('x-formula'), entity: name, field: fieldName });
    const rollup = field['x-rollup'];
    if (rollup) out.push(...rollupDependents(entity, rollup, target, at + pointerOf('x-rollup')).map((pointer) => ({ kind: 'rollup' as const, pointer, entity: name, field: fieldName })));
    const relation = field['x-relation'];
    if (relation?.kind === 'one-to-many' && relation.entity === target.entity && relation.field === target.name) out.push({ kind: 'relation', pointer: at + pointerOf('x-relation', 'field'), entity: name, field: fieldName });
    if (own && field['x-currency-field'] === target.name) out.push({ kind: 'currency-field', pointer: at + pointerOf('x-currency-field'), entity: name, field: fieldName });
    if (own && field['x-reminder']?.notify === target.name) out.push({ kind: 'reminder', role: 'notify', pointer: at + pointerOf('x-reminder', 'notify'), entity: name, field: fieldName });
  }
  if (!own) return;
  if (entity['x-display-field'] === target.name) out.push({ kind: 'display-field', pointer: base + pointerOf('x-display-field'), entity: name });
  (entity['x-indexes'] ?? []).forEach((entry, i) => {
    const columns = Array.isArray(entry) ? entry : entry.columns;
    if (columns.some((c) => c.replace(/^-/, '') === target.name)) out.push({ kind: 'index', pointer: base + pointerOf('x-indexes', i), entity: name });
  });
  (entity['x-rules'] ?? []).forEach((rule, i) => {
    const named = rule.fields?.includes(target.name);
    if (named || expressionNames(rule.expr).has(target.name)) out.push({ kind: 'rule', role: named ? 'fields' : 'condition', pointer: base + pointerOf('x-rules', i), entity: name, rule: rule.id });
  });
  if (entity['x-pool']?.activityField === target.name) out.push({ kind: 'pool', role: 'activity', pointer: base + pointerOf('x-pool', 'activityField'), entity: name });
  const types = entity['x-record-types'];
  if (types?.field === target.name) out.push({ kind: 'record-type', pointer: base + pointerOf('x-record-types', 'field'), entity: name });
  for (const [key, spec] of Object.entries(types?.types ?? {})) {
    if (spec.fields?.includes(target.name) || spec.required?.includes(target.name)) out.push({ kind: 'record-type', pointer: base + pointerOf('x-record-types', 'types', key), entity: name });
  }
}

/** Where a rollup of `entity` names `target`: its relation or its own match/period fields, or a field of the records it rolls up. */
function rollupDependents(entity: EntityDefinition, rollup: RollupSpec, target: Field, at: string): string[] {
  const own = entity['x-name'] === target.entity;
  const rolled = rollup.relation !== undefined ? entity.properties[rollup.relation]?.['x-relation']?.entity : rollup.entity;
  const pointers: string[] = [];
  if (own && rollup.relation === target.name) pointers.push(at + pointerOf('relation'));
  if (own && rollup.match?.equals === target.name) pointers.push(at + pointerOf('match', 'equals'));
  if (own && rollup.period?.year === target.name) pointers.push(at + pointerOf('period', 'year'));
  if (own && rollup.period?.month === target.name) pointers.push(at + pointerOf('period', 'month'));
  if (rolled !== target.entity) return pointers;
  if (rollup.field === target.name) pointers.push(at + pointerOf('field'));
  if (rollup.match?.field === target.name) pointers.push(at + pointerOf('match', 'field'));
  if (rollup.period?.date === target.name) pointers.push(at + pointerOf('period', 'date'));
  return pointers;
}

/**
 * Everything in `app` that names the field `name` of `entityName`: layouts and conditions that
 * show it, views and dashboard cards (column, sort, filter, grouping, measure, also through a
 * relation path such as `customer.industry`), rules, formulas, rollups, relations, indexes,
 * reminders, the pool, permissions, and workflows (state field, guards, approvals). One pass
 * over the metadata; the designer shows it before a delete and names dependents in errors.
 */
export function fieldDependents(app: AppDefinition, entityName: string, name: string): FieldDependent[] {
  const target: Field = { entity: entityName, name };
  const out: FieldDependent[] = [];
  app.entities.forEach((entity, i) => entityDependents(app, entity, i, target, out));

  app.layouts.forEach((layout, i) => {
    if (layout.entity !== entityName) return;
    layout.sections.forEach((section, j) => {
      const at = pointerOf('layouts', i, 'sections', j);
      if (section.fields.includes(name)) out.push({ kind: 'layout', pointer: at + pointerOf('fields', section.fields.indexOf(name)), entity: entityName, layout: layout.name, section: section.id });
      for (const [shown, expr] of Object.entries(section.visibleWhen ?? {})) {
        if (shown !== name && expressionNames(expr).has(name)) out.push({ kind: 'visibility', role: 'condition', pointer: at + pointerOf('visibleWhen', shown), entity: entityName, layout: layout.name, section: section.id, field: shown });
      }
    });
  });

  (app.views ?? []).forEach((view, i) => {
    const hits = (path: string) => pathHits(app, view.entity, path, target);
    const at = pointerOf('views', i);
    const add = (role: DependentRole, key: string) => out.push({ kind: 'view', role, pointer: at + pointerOf(key), entity: view.entity, view: view.name });
    if ((view.columns ?? []).some(hits)) add('column', 'columns');
    if ((view.sort ?? []).some(hits)) add('sort', 'sort');
    if (filterPaths(view.filter).some(hits)) add('filter', 'filter');
    if (view.groupBy && hits(view.groupBy)) add('group', 'groupBy');
    if ((view.cardFields ?? []).some(hits)) add('card-field', 'cardFields');
  });

  (app.dashboards ?? []).forEach((dashboard, i) => {
    dashboard.cards.forEach((card, j) => {
      const hits = (path: string) => pathHits(app, card.entity, path, target);
      const at = pointerOf('dashboards', i, 'cards', j);
      const add = (role: DependentRole, key: string) => out.push({ kind: 'card', role, pointer: at + pointerOf(key), entity: card.entity, dashboard: dashboard.name, card: card.id });
      if (card.group && hits(card.group)) add('group', 'group');
      const measured = measureField(card.measure);
      if (measured && hits(measured)) add('measure', 'measure');
      if (filterPaths(card.filter).some(hits)) add('filter', 'filter');
    });
  });

  for (const [role, perms] of Object.entries(app.permissions?.roles ?? {})) {
    if (perms.entities[entityName]?.fields && name in perms.entities[entityName].fields!) {
      out.push({ kind: 'permission', pointer: pointerOf('permissions', 'roles', role, 'entities', entityName, 'fields', name), entity: entityName, permissionRole: role });
    }
  }

  (app.workflows ?? []).forEach((workflow, i) => {
    if (workflow.entity !== entityName) return;
    const at = pointerOf('workflows', i);
    if (workflow.stateField === name) out.push({ kind: 'workflow-state', pointer: at + pointerOf('stateField'), entity: entityName, workflow: workflow.name });
    for (const [stateName, state] of Object.entries(workflow.machine.states)) {
      const transitions = [...Object.entries(state.on ?? {}).map(([event, tr]) => ({ event, tr, key: 'on' })), ...Object.entries(state.after ?? {}).map(([event, tr]) => ({ event, tr, key: 'after' }))];
      for (const { event, tr, key } of transitions) {
        const expression = tr.guard?.params?.expression;
        if (typeof expression === 'string' && expressionNames(expression).has(name)) {
          out.push({ kind: 'workflow-guard', pointer: at + pointerOf('machine', 'states', stateName, key, event, 'guard'), entity: entityName, workflow: workflow.name, state: stateName, event });
        }
      }
      for (const [delay, timer] of Object.entries(state.after ?? {})) {
        if (timer.since === name) out.push({ kind: 'workflow-timer', pointer: at + pointerOf('machine', 'states', stateName, 'after', delay, 'since'), entity: entityName, workflow: workflow.name, state: stateName });
      }
      const approval = state.approval;
      if (!approval) continue;
      const approvalAt = at + pointerOf('machine', 'states', stateName, 'approval');
      if (approval.summary?.includes(name)) out.push({ kind: 'approval', role: 'summary', pointer: approvalAt + pointerOf('summary'), entity: entityName, workflow: workflow.name, state: stateName });
      approval.steps.forEach((step, k) => {
        const rules = [step.approvers, ...(step.timeout ? [step.timeout.escalateTo] : [])].flatMap((rule) => approverRuleParts(rule));
        const uses = rules.some(({ rule }) => rule.kind === 'field' && rule.field === name);
        if (uses) out.push({ kind: 'approval', role: 'approver', pointer: approvalAt + pointerOf('steps', k), entity: entityName, workflow: workflow.name, state: stateName, step: step.id });
        else if (step.condition && expressionNames(step.condition).has(name)) out.push({ kind: 'approval', role: 'condition', pointer: approvalAt + pointerOf('steps', k, 'condition'), entity: entityName, workflow: workflow.name, state: stateName, step: step.id });
      });
    }
  });
  return out;
}
