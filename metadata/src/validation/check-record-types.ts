import { entityViews, isRecord, layoutViews, stringOr, type EntityView } from './app-views';
import { closestName } from './closest-name';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const didYouMean = (name: string, names: string[]) => {
  const guess = closestName(name, names);
  return guess ? `Did you mean "${guess}"? ` : '';
};

/**
 * `x-record-types`: the type field is a select whose option values are exactly the type keys;
 * each type's fields are fields of the entity (not the type field itself), its required
 * fields apply to it (its own or common ones), its layout is a form of this entity and its
 * workflow one bound to this entity.
 */
export function checkRecordTypes(app: unknown): MetadataError[] {
  const errors: MetadataError[] = [];
  const layouts = layoutViews(app);
  const workflows = (isRecord(app) && Array.isArray(app.workflows) ? app.workflows : []).filter(isRecord);
  for (const entity of entityViews(app)) {
    const spec = entity.value['x-record-types'];
    if (!isRecord(spec)) continue;
    errors.push(...checkEntity(entity, spec, layouts));
    errors.push(...checkWorkflowChoices(entity, spec, workflows));
  }
  return errors;
}

function checkEntity(entity: EntityView, spec: Record<string, unknown>, layouts: ReturnType<typeof layoutViews>): MetadataError[] {
  const errors: MetadataError[] = [];
  const base = entity.pointer + pointerOf('x-record-types');
  const names = entity.fields.map((f) => f.name);
  const types = isRecord(spec.types) ? spec.types : {};
  const keys = Object.keys(types);
  const typeField = stringOr(spec.field);
  const selectField = typeField ? entity.fields.find((f) => f.name === typeField) : undefined;
  if (typeField && !selectField) {
    errors.push(metadataError('record-type-field-invalid', base + pointerOf('field'), `The record types of ${entity.title} are chosen by the field "${typeField}", which does not exist.`, `${didYouMean(typeField, names)}Name a select field of the entity.`));
  } else if (selectField && selectField.value['x-type'] !== 'select') {
    errors.push(metadataError('record-type-field-invalid', base + pointerOf('field'), `The record types of ${entity.title} are chosen by "${typeField}", which is a ${String(selectField.value['x-type'])} field, not a select.`, 'Name a select field whose options are the record types.'));
  } else if (selectField) {
    const options = (Array.isArray(selectField.value['x-options']) ? selectField.value['x-options'] : []).map((o) => (isRecord(o) ? stringOr(o.value) : undefined)).filter((v): v is string => v !== undefined);
    const noType = options.filter((o) => !keys.includes(o));
    const noOption = keys.filter((k) => !options.includes(k));
    if (noType.length > 0 || noOption.length > 0) {
      const parts = [noType.length > 0 ? `the options ${noType.map((o) => `"${o}"`).join(', ')} have no record type` : '', noOption.length > 0 ? `the record types ${noOption.map((o) => `"${o}"`).join(', ')} are not options of "${typeField}"` : ''].filter(Boolean);
      errors.push(metadataError('record-type-options-mismatch', base + pointerOf('types'), `In ${entity.title}, ${parts.join(' and ')}.`, `Give every option of "${typeField}" one record type, keyed by the option's value: ${options.join(', ') || '(none)'}.`));
    }
  }
  const typeOnly = new Set(keys.flatMap((k) => (isRecord(types[k]) ? strings(types[k].fields) : [])));
  for (const key of keys) {
    const type = types[key];
    if (!isRecord(type)) continue;
    const pointer = base + pointerOf('types', key);
    const own = strings(type.fields);
    own.forEach((name, i) => {
      if (!names.includes(name)) errors.push(metadataError('record-type-field-missing', pointer + pointerOf('fields', i), `The record type "${key}" of ${entity.title} lists the field "${name}", which does not exist.`, `${didYouMean(name, names)}Its fields: ${names.join(', ')}.`));
      else if (name === typeField) errors.push(metadataError('record-type-field-missing', pointer + pointerOf('fields', i), `The record type "${key}" of ${entity.title} lists "${name}", the field that chooses the type.`, 'The type field applies to every record; remove it from the list.'));
    });
    strings(type.required).forEach((name, i) => {
      const at = pointer + pointerOf('required', i);
      if (!names.includes(name)) errors.push(metadataError('record-type-required-invalid', at, `The record type "${key}" of ${entity.title} requires the field "${name}", which does not exist.`, `${didYouMean(name, names)}Its fields: ${names.join(', ')}.`));
      else if (typeOnly.has(name) && !own.includes(name)) errors.push(metadataError('record-type-required-invalid', at, `The record type "${key}" of ${entity.title} requires "${name}", which applies only to other record types.`, `Add "${name}" to the fields of "${key}", or stop requiring it.`));
    });
    const layoutName = stringOr(type.layout);
    if (layoutName) {
      const layout = layouts.find((l) => l.name === layoutName);
      const forms = layouts.filter((l) => l.value.entity === entity.name).map((l) => l.name).filter((n): n is string => !!n);
      if (!layout) errors.push(metadataError('record-type-layout-invalid', pointer + pointerOf('layout'), `The record type "${key}" of ${entity.title} uses the layout "${layoutName}", which does not exist.`, `${didYouMean(layoutName, forms)}Layouts of this entity: ${forms.join(', ') || '(none)'}.`));
      else if (layout.value.entity !== entity.name) errors.push(metadataError('record-type-layout-invalid', pointer + pointerOf('layout'), `The record type "${key}" of ${entity.title} uses ${layout.title}, which arranges another entity ("${String(layout.value.entity)}").`, `Layouts of this entity: ${forms.join(', ') || '(none)'}.`));
    }
  }
  return errors;
}

function checkWorkflowChoices(entity: EntityView, spec: Record<string, unknown>, workflows: Record<string, unknown>[]): MetadataError[] {
  const types = isRecord(spec.types) ? spec.types : {};
  const own = workflows.filter((w) => w.entity === entity.name).map((w) => stringOr(w.name)).filter((n): n is string => !!n);
  const errors: MetadataError[] = [];
  for (const [key, type] of Object.entries(types)) {
    const name = isRecord(type) ? stringOr(type.workflow) : undefined;
    if (name === undefined || own.includes(name)) continue;
    const bound = workflows.find((w) => w.name === name);
    const where = entity.pointer + pointerOf('x-record-types', 'types', key, 'workflow');
    errors.push(bound
      ? metadataError('record-type-workflow-invalid', where, `The record type "${key}" of ${entity.title} runs the workflow "${name}", which drives another entity ("${String(bound.entity)}").`, `Workflows of this entity: ${own.join(', ') || '(none)'}.`)
      : metadataError('record-type-workflow-invalid', where, `The record type "${key}" of ${entity.title} runs the workflow "${name}", which does not exist.`, `${didYouMean(name, own)}Workflows of this entity: ${own.join(', ') || '(none)'}.`));
  }
  return errors;
}
