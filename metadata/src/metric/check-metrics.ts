import { DATES, NEVER_NUMERIC, NUMERIC, UNGROUPABLE } from '../dashboard/check-dashboards';
import { isRecord, stringOr, type EntityView, type Json } from '../validation/app-views';
import { closestName } from '../validation/closest-name';
import { pointerOf } from '../validation/json-pointer';
import { metadataError } from '../validation/metadata-error';
import { entitiesByName, filterPaths, resolveFieldPath, type ResolvedPath } from '../validation/resolve-field-path';
import type { MetadataError } from '../validation/validation-types';

interface MeasureContext { entity: EntityView; entities: Map<string, EntityView>; title: string; pointer: string; errors: MetadataError[] }

const PERIOD_RULES = ['date', 'entered', 'heldAtStart', 'period'] as const;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** The entity's own field (the aggregate API measures and groups only those), or an error naming it. */
function ownField(name: string, at: string, ctx: MeasureContext): ResolvedPath | undefined {
  const resolved = resolveFieldPath(name, ctx.entity, ctx.entities);
  if (!resolved.ok) ctx.errors.push(metadataError('metric-field-missing', at, `${ctx.title} names "${name}": ${resolved.message}.`, resolved.hint));
  else if (resolved.value.hops > 0) ctx.errors.push(metadataError('metric-field-missing', at, `${ctx.title} names "${name}", a field of another record.`, `Name a field of ${ctx.entity.title} itself; a filter may follow relations.`));
  else return resolved.value;
  return undefined;
}

function typed(name: string, at: string, ctx: MeasureContext, ok: (type: string) => boolean, what: string): void {
  const field = ownField(name, at, ctx);
  if (field && !ok(field.type)) ctx.errors.push(metadataError('metric-field-missing', at, `${ctx.title} uses "${name}", a ${field.type} field, as ${what}.`, `Name ${what} of ${ctx.entity.title}.`));
}

/** States of the entity's workflows: what `entered` and `heldAtStart` may name. */
function workflowStates(app: unknown, entity: string): Set<string> {
  const states = new Set<string>();
  for (const w of isRecord(app) && Array.isArray(app.workflows) ? app.workflows : []) {
    if (!isRecord(w) || w.entity !== entity || !isRecord(w.machine) || !isRecord(w.machine.states)) continue;
    for (const s of Object.keys(w.machine.states)) states.add(s);
  }
  return states;
}

function checkMeasureFn(m: Json, ctx: MeasureContext): void {
  const at = ctx.pointer + pointerOf('measure');
  const [fn, name] = String(m.measure ?? '').split(':');
  if (fn === 'avgDays') {
    if (m.from === undefined || m.to === undefined) ctx.errors.push(metadataError('metric-measure-invalid', at, `${ctx.title} averages days but does not say from when to when.`, 'Add "from" and "to": date or datetime fields, or "entered".'));
  } else if (m.from !== undefined || m.to !== undefined) {
    ctx.errors.push(metadataError('metric-measure-invalid', ctx.pointer + pointerOf(m.from !== undefined ? 'from' : 'to'), `${ctx.title} has "from"/"to" but measures ${String(m.measure)}.`, 'Only "avgDays" spans from one date to another; remove "from" and "to", or measure "avgDays".'));
  }
  for (const key of ['from', 'to'] as const) {
    const value = stringOr(m[key]);
    if (value === undefined || fn !== 'avgDays') continue;
    if (value === 'entered') {
      if (m.entered === undefined) ctx.errors.push(metadataError('metric-measure-invalid', ctx.pointer + pointerOf(key), `${ctx.title} spans to "entered" but names no "entered" states.`, 'Add "entered": the states whose entry ends (or starts) the span.'));
    } else typed(value, ctx.pointer + pointerOf(key), ctx, (t) => DATES.has(t), 'a date or datetime field');
  }
  if (name === undefined) return;
  const field = ownField(name, at, ctx);
  if (!field) return;
  if ((fn === 'sum' || fn === 'avg') && NEVER_NUMERIC.has(field.type)) {
    const numeric = ctx.entity.fields.filter((f) => NUMERIC.has(String(f.value['x-type']))).map((f) => f.name);
    ctx.errors.push(metadataError('metric-measure-invalid', at, `${ctx.title} takes the ${fn} of "${name}", a ${field.type} field; only numbers and amounts add up.`, numeric.length ? `Numeric fields of ${ctx.entity.title}: ${numeric.join(', ')}; or use "count".` : 'Use "count".'));
  } else if (fn === 'distinct' && UNGROUPABLE.has(field.type)) {
    ctx.errors.push(metadataError('metric-measure-invalid', at, `${ctx.title} counts distinct values of "${name}", a ${field.type} field.`, 'Count distinct values of a select, text, number, date, user or relation field.'));
  } else if ((fn === 'sum' || fn === 'avg') && field.field?.['x-currency-field']) {
    ctx.errors.push(metadataError('metric-measure-invalid', at, `${ctx.title} adds up "${name}", whose currency differs per record.`, 'A metric is one figure: measure an amount with one currency (x-currency), or count.'));
  }
}

function checkPeriod(m: Json, ctx: MeasureContext, app: unknown, metric: Json): void {
  // One rule each, but "held at the start and entered during" is a cohort (customers lost from the starting base).
  const rules = PERIOD_RULES.filter((r) => m[r] !== undefined && !(r === 'entered' && m.heldAtStart !== undefined));
  if (rules.length > 1) ctx.errors.push(metadataError('metric-period-invalid', ctx.pointer + pointerOf(rules[1]), `${ctx.title} names both "${rules[0]}" and "${rules[1]}".`, 'A measure picks its records for a time range by one rule: a date, the states entered, the states held at the start (with, or without, the states entered during it), or a year/month period.'));
  if (typeof m.date === 'string') typed(m.date, ctx.pointer + pointerOf('date'), ctx, (t) => DATES.has(t), 'a date or datetime field');
  if (isRecord(m.period)) {
    for (const key of ['year', 'month'] as const) {
      const name = stringOr(m.period[key]);
      if (name) typed(name, ctx.pointer + pointerOf('period', key), ctx, (t) => t === 'number' || t === 'integer', 'a number field');
    }
  }
  const states = workflowStates(app, ctx.entity.name ?? '');
  for (const key of ['entered', 'heldAtStart'] as const) {
    strings(m[key]).forEach((state, i) => {
      if (states.has(state)) return;
      const guess = closestName(state, [...states]);
      ctx.errors.push(metadataError('metric-state-missing', ctx.pointer + pointerOf(key, i), `${ctx.title} names the state "${state}", which no workflow of ${ctx.entity.title} has.`, states.size ? `${guess ? `Did you mean "${guess}"? ` : ''}Its states: ${[...states].join(', ')}.` : `${ctx.entity.title} has no workflow; use "date" instead.`));
    });
  }
  if (m.heldAtStart !== undefined && metric.range === undefined) {
    ctx.errors.push(metadataError('metric-range-required', ctx.pointer + pointerOf('heldAtStart'), `${ctx.title} counts the states held at the start of the time range, but the metric has no default "range".`, 'Add "range" (e.g. "this-month"): it is used when the viewer chooses no range.'));
  }
  if (typeof m.owner === 'string') typed(m.owner, ctx.pointer + pointerOf('owner'), ctx, (t) => t === 'user', 'a user field');
}

function checkMeasure(m: unknown, pointer: string, title: string, app: unknown, metric: Json, entities: Map<string, EntityView>, errors: MetadataError[]): void {
  if (!isRecord(m)) return;
  const name = stringOr(m.entity);
  const entity = name ? entities.get(name) : undefined;
  if (name && !entity) {
    const guess = closestName(name, [...entities.keys()]);
    errors.push(metadataError('metric-entity-missing', pointer + pointerOf('entity'), `${title} measures the entity "${name}", which does not exist.`, `${guess ? `Did you mean "${guess}"? ` : ''}Entities in this app: ${[...entities.keys()].join(', ') || '(none)'}.`));
  }
  if (!entity) return;
  const ctx: MeasureContext = { entity, entities, title, pointer, errors };
  checkMeasureFn(m, ctx);
  checkPeriod(m, ctx, app, metric);
  for (const f of filterPaths(m.filter, pointer + pointerOf('filter'))) {
    const resolved = resolveFieldPath(f.path, entity, entities);
    if (!resolved.ok) errors.push(metadataError('metric-field-missing', f.pointer, `${title} filters by "${f.path}": ${resolved.message}.`, resolved.hint));
  }
}

/** A currency metric shows an amount: its value (or numerator) must add up an amount field. */
function checkFormat(metric: Json, pointer: string, title: string, entities: Map<string, EntityView>, errors: MetadataError[]): void {
  if (metric.format !== 'currency') return;
  const main = isRecord(metric.value) ? metric.value : isRecord(metric.numerator) ? metric.numerator : undefined;
  const [fn, name] = String(main?.measure ?? '').split(':');
  const entity = entities.get(stringOr(main?.entity) ?? '');
  const field = entity?.fields.find((f) => f.name === name);
  if (entity && (!['sum', 'avg'].includes(fn) || field?.value['x-type'] !== 'currency')) {
    errors.push(metadataError('metric-format-invalid', pointer + pointerOf('format'), `${title} reads as currency but does not add up an amount.`, 'Measure sum:<amount> or avg:<amount> of a currency field, or choose the "number" format.'));
  }
}

/**
 * Each metric is a `value`, or a `numerator` over a `denominator`; each measure names an
 * existing entity, fields it has (own fields for the measure and the range rules), at most one
 * rule for the time range, and states its workflow has. Names are unique.
 */
export function checkMetrics(app: unknown): MetadataError[] {
  const errors: MetadataError[] = [];
  const entities = entitiesByName(app);
  const names = new Set<string>();
  const list = isRecord(app) && Array.isArray(app.metrics) ? app.metrics : [];
  list.forEach((metric, i) => {
    if (!isRecord(metric)) return;
    const pointer = pointerOf('metrics', i);
    const name = stringOr(metric.name);
    const title = `Metric "${name ?? `#${i + 1}`}"`;
    if (name && names.has(name)) errors.push(metadataError('duplicate-metric-name', pointer + pointerOf('name'), `Two metrics are named "${name}".`, 'Metric names must be unique in the app; rename one of them.'));
    if (name) names.add(name);
    const ratio = metric.numerator !== undefined || metric.denominator !== undefined;
    if (metric.value !== undefined && ratio) errors.push(metadataError('metric-shape-invalid', pointer + pointerOf('value'), `${title} has both a "value" and a ratio.`, 'Keep "value" for one measure, or "numerator" and "denominator" for a ratio.'));
    else if (metric.value === undefined && (metric.numerator === undefined || metric.denominator === undefined)) {
      errors.push(metadataError('metric-shape-invalid', pointer, `${title} has ${ratio ? `a ${metric.numerator === undefined ? 'denominator' : 'numerator'} alone` : 'nothing to measure'}.`, 'Give it a "value", or both a "numerator" and a "denominator".'));
    }
    for (const side of ['value', 'numerator', 'denominator'] as const) checkMeasure(metric[side], pointer + pointerOf(side), `${title} (${side})`, app, metric, entities, errors);
    checkFormat(metric, pointer, title, entities, errors);
  });
  return errors;
}
