import { entityViews, stringOr } from './app-views';
import { closestName } from './closest-name';
import { capitalize } from './describe-location';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

const didYouMean = (name: string, candidates: string[]): string => {
  const guess = closestName(name, candidates);
  return guess ? `Did you mean "${guess}"? ` : '';
};

/** Names inside an entity that must point at something: required fields, display field, relation targets. */
export function checkReferences(app: unknown): MetadataError[] {
  const errors: MetadataError[] = [];
  const entities = entityViews(app);
  const entityNames = entities.flatMap((e) => (e.name ? [e.name] : []));
  for (const entity of entities) {
    const fieldNames = entity.fields.map((f) => f.name);
    const known = `Its fields: ${fieldNames.join(', ') || '(none)'}.`;
    const required = entity.value.required;
    if (Array.isArray(required)) {
      required.forEach((name, i) => {
        if (typeof name !== 'string' || fieldNames.includes(name)) return;
        errors.push(metadataError('unknown-required-field', entity.pointer + pointerOf('required', i), `${capitalize(entity.title)} lists "${name}" as required, but has no such field.`, `${didYouMean(name, fieldNames)}${known}`));
      });
    }
    const display = stringOr(entity.value['x-display-field']);
    if (display && !fieldNames.includes(display)) {
      errors.push(metadataError('unknown-display-field', entity.pointer + pointerOf('x-display-field'), `${capitalize(entity.title)} shows records by the field "${display}", but has no such field.`, `${didYouMean(display, fieldNames)}${known}`));
    }
    for (const field of entity.fields) {
      const relation = field.value['x-relation'];
      const target = stringOr((relation as Record<string, unknown> | null | undefined)?.entity);
      if (!target || entityNames.includes(target)) continue;
      errors.push(metadataError('relation-target-missing', field.pointer + pointerOf('x-relation', 'entity'), `${capitalize(field.title)} points to the entity "${target}", which does not exist.`, `${didYouMean(target, entityNames)}Entities in this app: ${entityNames.join(', ') || '(none)'}.`));
    }
  }
  return errors;
}
