import { entityViews, isRecord, stringOr } from '../validation/app-views';
import { closestName } from '../validation/closest-name';
import { pointerOf } from '../validation/json-pointer';
import { metadataError } from '../validation/metadata-error';
import type { MetadataError } from '../validation/validation-types';

/**
 * What the meta-schema cannot say about a state's `lock`: the fields it names are fields of the
 * workflow's entity (a typo would lock nothing, silently).
 */
export function checkLocks(app: unknown): MetadataError[] {
  const list = isRecord(app) && Array.isArray(app.workflows) ? app.workflows : [];
  const entities = new Map(entityViews(app).filter((e) => e.name).map((e) => [e.name!, e]));
  const errors: MetadataError[] = [];
  list.forEach((wf, index) => {
    if (!isRecord(wf) || !isRecord(wf.machine) || !isRecord(wf.machine.states)) return;
    const entity = entities.get(stringOr(wf.entity) ?? '');
    if (!entity) return; // checkWorkflows reports the missing entity
    for (const [state, config] of Object.entries(wf.machine.states)) {
      const lock = isRecord(config) && isRecord(config.lock) ? config.lock : undefined;
      if (!lock || !Array.isArray(lock.fields)) continue;
      lock.fields.forEach((name, i) => {
        if (typeof name !== 'string' || entity.fields.some((f) => f.name === name)) return;
        const guess = closestName(name, entity.fields.map((f) => f.name));
        errors.push(metadataError('lock-field-missing', pointerOf('workflows', index, 'machine', 'states', state, 'lock', 'fields', i), `The state "${state}" locks "${name}", which is not a field of ${entity.title}.`, `${guess ? `Did you mean "${guess}"? ` : ''}Name fields of ${entity.title}, or "*" for the whole record.`));
      });
    }
  });
  return errors;
}
