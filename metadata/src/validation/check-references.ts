import { entityViews, isRecord, stringOr, type EntityView } from './app-views';
import { closestName } from './closest-name';
import { capitalize } from './describe-location';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

const didYouMean = (name: string, candidates: string[]): string => {
  const guess = closestName(name, candidates);
  return guess ? `Did you mean "${guess}"? ` : '';
};

const INDEXABLE_SYSTEM_COLUMNS = ['id', 'created_at', 'updated_at', 'created_by', 'owner', 'version'];

/** Whether a field has a column to index: not a virtual formula, not a one-to-many or many-to-many relation. */
function hasColumn(field: Record<string, unknown>): boolean {
  if (field['x-type'] === 'formula') return field['x-stored'] === true;
  const kind = (field['x-relation'] as Record<string, unknown> | null | undefined)?.kind;
  return kind !== 'one-to-many' && kind !== 'many-to-many';
}

/** `x-indexes`: every column of a composite index is a stored field or a system column; custom names differ. */
function checkIndexColumns(entity: EntityView): MetadataError[] {
  const indexes = entity.value['x-indexes'];
  if (!Array.isArray(indexes)) return [];
  const columns = [...INDEXABLE_SYSTEM_COLUMNS, ...(entity.value['x-soft-delete'] === true ? ['deleted_at'] : []), ...entity.fields.filter((f) => hasColumn(f.value)).map((f) => f.name)];
  const errors: MetadataError[] = [];
  const names = new Set<string>();
  indexes.forEach((index, i) => {
    // The object form (`{ columns, unique, name }`) points one level deeper.
    const list = Array.isArray(index) ? index : isRecord(index) && Array.isArray(index.columns) ? index.columns : undefined;
    const at = (j: number) => entity.pointer + (Array.isArray(index) ? pointerOf('x-indexes', i, j) : pointerOf('x-indexes', i, 'columns', j));
    const name = isRecord(index) ? stringOr(index.name) : undefined;
    if (name && names.has(name)) {
      errors.push(metadataError('duplicate-index-name', entity.pointer + pointerOf('x-indexes', i, 'name'), `${capitalize(entity.title)} has two indexes named "${name}".`, 'Give each index its own name, or leave the name out to have one generated.'));
    }
    if (name) names.add(name);
    list?.forEach((raw, j) => {
      if (typeof raw !== 'string') return;
      const column = raw.replace(/^-/, '');
      if (columns.includes(column)) return;
      errors.push(metadataError('index-field-missing', at(j), `${capitalize(entity.title)} indexes "${column}", but has no such stored field or system column.`, `${didYouMean(column, columns)}Indexable: ${columns.join(', ')}.`));
    });
    if (isRecord(index) && isRecord(index.where)) errors.push(...checkIndexCondition(entity, index.where, entity.pointer + pointerOf('x-indexes', i, 'where')));
  });
  return errors;
}

/** An index's `where` names a select field of the entity and only values among its options. */
function checkIndexCondition(entity: EntityView, where: Record<string, unknown>, pointer: string): MetadataError[] {
  const name = stringOr(where.field);
  if (!name) return [];
  const field = entity.fields.find((f) => f.name === name);
  if (!field || field.value['x-type'] !== 'select') {
    const selects = entity.fields.filter((f) => f.value['x-type'] === 'select').map((f) => f.name);
    return [metadataError('index-field-missing', pointer + pointerOf('field'), `${capitalize(entity.title)} limits an index to records by "${name}", which is not a select field of it.`, `${didYouMean(name, selects)}Select fields: ${selects.join(', ') || '(none)'}.`)];
  }
  const options = Array.isArray(field.value['x-options']) ? field.value['x-options'].map((o) => (isRecord(o) ? o.value : undefined)) : [];
  const errors: MetadataError[] = [];
  for (const key of ['in', 'notIn'] as const) {
    const values = Array.isArray(where[key]) ? where[key] : [];
    values.forEach((value, j) => {
      if (options.includes(value)) return;
      errors.push(metadataError('index-field-missing', pointer + pointerOf(key, j), `${capitalize(entity.title)} limits an index to records whose "${name}" is "${String(value)}", which is not one of its options.`, `Its options: ${options.join(', ')}.`));
    });
  }
  return errors;
}

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
    errors.push(...checkIndexColumns(entity));
    for (const field of entity.fields) {
      const relation = field.value['x-relation'];
      const target = stringOr((relation as Record<string, unknown> | null | undefined)?.entity);
      if (!target || entityNames.includes(target)) continue;
      errors.push(metadataError('relation-target-missing', field.pointer + pointerOf('x-relation', 'entity'), `${capitalize(field.title)} points to the entity "${target}", which does not exist.`, `${didYouMean(target, entityNames)}Entities in this app: ${entityNames.join(', ') || '(none)'}.`));
    }
  }
  return errors;
}
