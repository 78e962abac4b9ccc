import { entityViews, isRecord, type Json } from '../validation/app-views';
import { closestName } from '../validation/closest-name';
import { pointerOf } from '../validation/json-pointer';
import { metadataError } from '../validation/metadata-error';
import type { MetadataError } from '../validation/validation-types';

const DATE_TYPES = ['date', 'datetime'];

/**
 * What the meta-schema cannot say about `x-pool`: the follow-up field exists and holds a date,
 * so the stale-return job compares dates (a typo would otherwise return nothing, or everything).
 */
export function checkPool(app: unknown): MetadataError[] {
  const errors: MetadataError[] = [];
  for (const entity of entityViews(app)) {
    const pool = isRecord(entity.value) ? entity.value['x-pool'] : undefined;
    if (isRecord(pool) && isRecord(pool.activity)) errors.push(...checkActivity(app, entity.title, entity.name, entity.pointer + pointerOf('x-pool', 'activity'), pool.activity));
    if (!isRecord(pool) || typeof pool.activityField !== 'string') continue;
    const at = entity.pointer + pointerOf('x-pool', 'activityField');
    const field = entity.fields.find((f) => f.name === pool.activityField);
    if (!field) {
      const guess = closestName(pool.activityField, entity.fields.map((f) => f.name));
      errors.push(metadataError('pool-activity-field-missing', at, `The pool of ${entity.title} follows "${pool.activityField}", which is not a field of it.`, `${guess ? `Did you mean "${guess}"? ` : ''}Leave activityField out to use updated_at.`));
    } else if (!DATE_TYPES.includes(String(isRecord(field.value) ? field.value['x-type'] : ''))) {
      errors.push(metadataError('pool-activity-field-type', at, `The pool of ${entity.title} follows "${pool.activityField}", which is not a date or datetime field.`, 'Use the date or datetime field that records the last follow-up.'));
    }
  }
  return errors;
}

/** `activity`: a child entity, its many-to-one to this entity (`via`), and its date field. */
function checkActivity(app: unknown, title: string, name: string | undefined, at: string, activity: Json): MetadataError[] {
  const child = entityViews(app).find((e) => e.name === activity.entity);
  if (!child) return [metadataError('pool-activity-invalid', at + pointerOf('entity'), `The pool of ${title} counts activity of "${String(activity.entity)}", which is not an entity.`, 'Name the entity of the follow-ups, e.g. follow_up.')];
  const via = child.fields.find((f) => f.name === activity.via);
  const relation = via && isRecord(via.value['x-relation']) ? via.value['x-relation'] : undefined;
  if (!relation || relation.kind !== 'many-to-one' || relation.entity !== name) {
    return [metadataError('pool-activity-invalid', at + pointerOf('via'), `The pool of ${title} reaches its activity through "${String(activity.via)}", which is not a link from ${child.title} to ${title}.`, `Name the many-to-one field of ${child.title} that points at ${title}.`)];
  }
  const date = child.fields.find((f) => f.name === activity.date);
  if (!date || !DATE_TYPES.includes(String(date.value['x-type']))) {
    return [metadataError('pool-activity-invalid', at + pointerOf('date'), `The pool of ${title} dates its activity by "${String(activity.date)}", which is not a date or datetime field of ${child.title}.`, 'Name the date the follow-up happened, e.g. occurred_at.')];
  }
  return [];
}
