import { entityViews, isRecord } from '../validation/app-views';
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
