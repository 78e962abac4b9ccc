import { entityViews, isRecord, stringOr, type EntityView, type FieldView } from './app-views';
import { capitalize } from './describe-location';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

/** Which keys of `x-relation` each kind may use: anything else would be silently ignored. */
const ALLOWED: Record<string, readonly string[]> = {
  'many-to-one': ['entity', 'kind', 'onDelete'],
  'one-to-many': ['entity', 'kind', 'field'],
  'many-to-many': ['entity', 'kind'],
};

/**
 * Rules per relation kind that the meta-schema cannot state: a one-to-many must name a
 * many-to-one field of its child that points back (the inverse has no column of its own),
 * and options of one kind (onDelete, field) are refused on the others.
 */
export function checkRelations(app: unknown): MetadataError[] {
  const entities = entityViews(app);
  const errors: MetadataError[] = [];
  for (const entity of entities) {
    for (const field of entity.fields) {
      const relation = field.value['x-relation'];
      if (!isRecord(relation)) continue;
      const kind = stringOr(relation.kind);
      const allowed = kind ? ALLOWED[kind] : undefined;
      if (!allowed) continue; // an unknown kind is reported by the meta-schema
      for (const key of Object.keys(relation)) {
        if (allowed.includes(key) || !['onDelete', 'field'].includes(key)) continue;
        errors.push(metadataError('relation-option-not-allowed', field.pointer + pointerOf('x-relation', key), `${capitalize(field.title)} is a ${kind} relation, which has no "${key}".`, key === 'field' ? 'Only a one-to-many relation names the child field; remove "field".' : 'Only a many-to-one relation has onDelete (on the child side); remove it.'));
      }
      if (kind === 'one-to-many') errors.push(...checkInverse(field, relation, entity, entities));
    }
  }
  return errors;
}

function checkInverse(field: FieldView, relation: Record<string, unknown>, entity: EntityView, entities: EntityView[]): MetadataError[] {
  const childName = stringOr(relation.entity);
  const child = entities.find((e) => e.name === childName);
  if (!child) return []; // relation-target-missing
  const backName = stringOr(relation.field);
  const pointer = field.pointer + pointerOf('x-relation', 'field');
  const candidates = child.fields.filter((f) => {
    const r = f.value['x-relation'];
    return isRecord(r) && r.kind === 'many-to-one' && r.entity === entity.name;
  }).map((f) => f.name);
  const hint = candidates.length > 0 ? `Many-to-one fields of ${child.title} that point to ${entity.title}: ${candidates.join(', ')}.` : `Add a many-to-one relation field to ${child.title} that points to ${entity.title} first.`;
  if (!backName) {
    return [metadataError('relation-inverse-invalid', field.pointer + pointerOf('x-relation'), `${capitalize(field.title)} is a one-to-many relation but does not name the field of ${child.title} that points back.`, `Add "field", e.g. "field": "${candidates[0] ?? entity.name}". ${hint}`)];
  }
  if (!candidates.includes(backName)) {
    return [metadataError('relation-inverse-invalid', pointer, `${capitalize(field.title)} lists the children of ${child.title} by "${backName}", which is not a many-to-one relation of ${child.title} to ${entity.title}.`, hint)];
  }
  return [];
}
