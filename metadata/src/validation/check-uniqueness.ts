import { entityViews, stringOr, type FieldView } from './app-views';
import { capitalize } from './describe-location';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

/**
 * Entity names and plurals name tables and API paths; field ids identify columns across
 * renames. Each must be unique in the app, and the second use is the one reported.
 */
export function checkUniqueness(app: unknown): MetadataError[] {
  const errors: MetadataError[] = [];
  const names = new Map<string, string>();
  const plurals = new Map<string, string>();
  const fieldIds = new Map<string, FieldView>();
  for (const entity of entityViews(app)) {
    if (entity.name) {
      const first = names.get(entity.name);
      if (first !== undefined) {
        errors.push(metadataError('duplicate-entity-name', entity.pointer + pointerOf('x-name'), `Two entities are named "${entity.name}".`, `Entity names must be unique in the app; rename one of them (the first is ${first}).`));
      } else names.set(entity.name, entity.pointer);
    }
    const plural = stringOr(entity.value['x-plural']);
    if (plural) {
      const first = plurals.get(plural);
      if (first !== undefined) {
        errors.push(metadataError('duplicate-entity-plural', entity.pointer + pointerOf('x-plural'), `${capitalize(entity.title)} uses the plural name "${plural}", which ${first} already uses.`, 'Plural names become API paths (/api/{plural}) and must be unique; choose another one.'));
      } else plurals.set(plural, entity.title);
    }
    for (const field of entity.fields) {
      const id = stringOr(field.value['x-id']);
      if (!id) continue;
      const first = fieldIds.get(id);
      if (first) {
        const other = first.entity === entity ? `the field "${first.name}"` : first.title;
        errors.push(metadataError('duplicate-field-id', field.pointer + pointerOf('x-id'), `${capitalize(field.title)} has the id "${id}", which ${other} already uses.`, `Field ids must be unique in the app; give this field its own id, e.g. "fld_${entity.name ?? 'entity'}_${field.name}".`));
      } else fieldIds.set(id, field);
    }
  }
  return errors;
}
