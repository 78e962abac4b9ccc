import { BUILTIN_FIELD_TYPES } from '../validation/builtin-field-types';
import { isRecord, stringOr, type EntityView } from '../validation/app-views';
import { pointerOf } from '../validation/json-pointer';
import { metadataError } from '../validation/metadata-error';
import { entitiesByName, filterPaths, resolveFieldPath, type ResolvedPath } from '../validation/resolve-field-path';
import type { MetadataError } from '../validation/validation-types';
import { missingEntity } from '../view/check-views';

// Built-in types a sum or average applies to; plugin types are left to the engine's aggregate parser.
export const NUMERIC = new Set(['number', 'integer', 'decimal', 'currency', 'percent']);
export const DATES = new Set(['date', 'datetime']);
// Types with many values per record or long text: one group per distinct value would be meaningless.
export const UNGROUPABLE = new Set(['multiselect', 'textarea', 'richtext', 'file', 'json']);
// Formulas and rollups may compute numbers: the engine, which knows their result type, decides.
export const NEVER_NUMERIC = new Set(BUILTIN_FIELD_TYPES.map((t) => t.name).filter((t) => !NUMERIC.has(t) && t !== 'formula' && t !== 'rollup'));

interface CardContext { entity: EntityView; entities: Map<string, EntityView>; title: string; pointer: string }

function ownField(name: string, at: string, ctx: CardContext, errors: MetadataError[]): ResolvedPath | undefined {
  const resolved = resolveFieldPath(name, ctx.entity, ctx.entities);
  if (!resolved.ok) errors.push(metadataError('card-field-missing', at, `${ctx.title} names "${name}": ${resolved.message}.`, resolved.hint));
  return resolved.ok ? resolved.value : undefined;
}

function checkMeasure(measure: string, ctx: CardContext, errors: MetadataError[]): ResolvedPath | undefined {
  const [fn, name] = measure.split(':');
  if (fn === 'count' || name === undefined) return undefined;
  const at = ctx.pointer + pointerOf('measure');
  const field = ownField(name, at, ctx, errors);
  if (field && NEVER_NUMERIC.has(field.type)) {
    const numeric = ctx.entity.fields.filter((f) => NUMERIC.has(String(f.value['x-type']))).map((f) => f.name);
    errors.push(metadataError('card-measure-invalid', at, `${ctx.title} takes the ${fn} of "${name}", a ${field.type} field; only numbers and amounts add up.`, numeric.length ? `Numeric fields of ${ctx.entity.title}: ${numeric.join(', ')}; or use "count".` : `Use "count": ${ctx.entity.title} has no numeric field.`));
    return undefined;
  }
  return field;
}

function checkGroup(card: Record<string, unknown>, ctx: CardContext, errors: MetadataError[]): string | undefined {
  const group = stringOr(card.group);
  const at = ctx.pointer + pointerOf('group');
  if (card.chart === 'number') {
    if (group !== undefined) errors.push(metadataError('card-group-invalid', at, `${ctx.title} is a number card but has a group.`, 'A number card shows one figure; remove "group", or pick a bar, line, pie or funnel chart.'));
    return undefined;
  }
  if (group === undefined) {
    errors.push(metadataError('card-group-invalid', ctx.pointer, `${ctx.title} draws a ${String(card.chart)} chart but has no "group".`, 'Name the field to group by, e.g. "industry" or "created_at:month"; a single figure is a "number" card.'));
    return undefined;
  }
  const [name, bucket] = group.split(':');
  const field = ownField(name, at, ctx, errors);
  if (!field) return undefined;
  if (bucket !== undefined && !DATES.has(field.type)) errors.push(metadataError('card-group-invalid', at, `${ctx.title} groups by "${group}", but "${name}" is not a date; only dates have buckets.`, `Group by "${name}" alone, or by a date such as "created_at:${bucket}".`));
  else if (UNGROUPABLE.has(field.type)) errors.push(metadataError('card-group-invalid', at, `${ctx.title} groups by "${name}", a ${field.type} field, which cannot be grouped.`, 'Group by a select, text, number, date, boolean or user field.'));
  return name;
}

/**
 * Each card must measure an existing entity by a field that adds up, grouped by a field it has
 * (dates optionally by bucket). A sum of a per-record-currency amount must group by its
 * currency field, or it would add CNY to USD (ADR 0013).
 */
export function checkDashboards(app: unknown): MetadataError[] {
  const errors: MetadataError[] = [];
  const entities = entitiesByName(app);
  const names = new Set<string>();
  const list = isRecord(app) && Array.isArray(app.dashboards) ? app.dashboards : [];
  list.forEach((dashboard, d) => {
    if (!isRecord(dashboard)) return;
    const name = stringOr(dashboard.name);
    if (name && names.has(name)) errors.push(metadataError('duplicate-dashboard-name', pointerOf('dashboards', d, 'name'), `Two dashboards are named "${name}".`, 'Dashboard names must be unique in the app; rename one of them.'));
    if (name) names.add(name);
    const ids = new Set<string>();
    const cards = Array.isArray(dashboard.cards) ? dashboard.cards : [];
    cards.forEach((card, c) => {
      if (!isRecord(card)) return;
      const pointer = pointerOf('dashboards', d, 'cards', c);
      const id = stringOr(card.id);
      const title = `Card "${id ?? `#${c + 1}`}" of dashboard "${name ?? `#${d + 1}`}"`;
      if (id && ids.has(id)) errors.push(metadataError('duplicate-card-id', pointer + pointerOf('id'), `Dashboard "${name ?? `#${d + 1}`}" has two cards with the id "${id}".`, 'Give each card its own id.'));
      if (id) ids.add(id);
      const entityName = stringOr(card.entity);
      const entity = entityName ? entities.get(entityName) : undefined;
      if (entityName && !entity) errors.push(missingEntity('card-entity-missing', pointer + pointerOf('entity'), title, entityName, entities));
      if (!entity) return;
      const ctx: CardContext = { entity, entities, title, pointer };
      const measured = typeof card.measure === 'string' ? checkMeasure(card.measure, ctx, errors) : undefined;
      const group = checkGroup(card, ctx, errors);
      const code = stringOr(measured?.field?.['x-currency-field']);
      if (code && group !== code) {
        errors.push(metadataError('card-currency-mixed', pointer + pointerOf('measure'), `${title} adds up "${String(card.measure).split(':')[1]}", whose currency differs per record (from "${code}"), without grouping by "${code}".`, `Group by "${code}" so each currency is summed on its own, or measure "count".`));
      }
      for (const f of filterPaths(card.filter, pointer + pointerOf('filter'))) ownField(f.path, f.pointer, ctx, errors);
    });
  });
  return errors;
}
