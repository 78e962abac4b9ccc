import { entityViews, isRecord, stringOr, type EntityView, type FieldView } from './app-views';
import { capitalize } from './describe-location';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

/** Child field types a sum/min/max may aggregate: the numeric columns. */
export const ROLLUP_NUMERIC_TYPES: readonly string[] = ['number', 'currency', 'percent'];

/**
 * What the meta-schema cannot say about `x-rollup`: it must aggregate over a one-to-many
 * field of its own entity (the trigger lives on that child table), count takes no field and
 * sum/min/max need a numeric field of the child.
 */
export function checkRollups(app: unknown): MetadataError[] {
  const entities = entityViews(app);
  const errors: MetadataError[] = [];
  for (const entity of entities) {
    for (const field of entity.fields) {
      const rollup = field.value['x-rollup'];
      if (field.value['x-type'] !== 'rollup') continue;
      if (!isRecord(rollup)) {
        errors.push(metadataError('rollup-invalid', field.pointer, `${capitalize(field.title)} is a rollup without "x-rollup".`, 'Add "x-rollup": { "relation": "<one-to-many field>", "fn": "count" }.'));
        continue;
      }
      errors.push(...checkRollup(field, rollup, entity, entities));
    }
  }
  return errors;
}

function checkRollup(field: FieldView, rollup: Record<string, unknown>, entity: EntityView, entities: EntityView[]): MetadataError[] {
  const at = (key: string) => field.pointer + pointerOf('x-rollup', key);
  const relationName = stringOr(rollup.relation);
  const fn = stringOr(rollup.fn);
  if (!relationName || !fn) return []; // the meta-schema reports missing keys
  const oneToMany = entity.fields.filter((f) => isRecord(f.value['x-relation']) && f.value['x-relation'].kind === 'one-to-many').map((f) => f.name);
  const relation = entity.fields.find((f) => f.name === relationName);
  const relationSpec = relation?.value['x-relation'];
  if (!relation || !isRecord(relationSpec) || relationSpec.kind !== 'one-to-many') {
    const hint = oneToMany.length > 0 ? `One-to-many fields of ${entity.title}: ${oneToMany.join(', ')}.` : `Add a one-to-many relation field to ${entity.title} first.`;
    return [metadataError('rollup-invalid', at('relation'), `${capitalize(field.title)} rolls up "${relationName}", which is not a one-to-many relation field of ${entity.title}.`, hint)];
  }
  const childField = stringOr(rollup.field);
  if (fn === 'count') {
    return childField === undefined ? [] : [metadataError('rollup-invalid', at('field'), `${capitalize(field.title)} counts records, so it takes no "field".`, 'Remove "field", or use sum, min or max.')];
  }
  const child = entities.find((e) => e.name === stringOr(relationSpec.entity));
  if (!child) return []; // relation-target-missing
  const numeric = child.fields.filter((f) => ROLLUP_NUMERIC_TYPES.includes(String(f.value['x-type']))).map((f) => f.name);
  const target = child.fields.find((f) => f.name === childField);
  if (!target || !ROLLUP_NUMERIC_TYPES.includes(String(target.value['x-type']))) {
    const hint = numeric.length > 0 ? `Numeric fields of ${child.title}: ${numeric.join(', ')}.` : `${capitalize(child.title)} has no number, currency or percent field.`;
    const what = childField === undefined ? 'names no "field"' : `names "${childField}", which is not a number, currency or percent field of ${child.title}`;
    return [metadataError('rollup-invalid', childField === undefined ? field.pointer + pointerOf('x-rollup') : at('field'), `${capitalize(field.title)} is a ${fn} rollup but ${what}.`, hint)];
  }
  // One number per parent cannot hold amounts in several currencies (ADR 0013).
  const codeField = stringOr(target.value['x-currency-field']);
  if (codeField !== undefined) {
    return [metadataError('rollup-invalid', at('field'), `${capitalize(field.title)} would ${fn} "${childField}" of ${child.title}, whose records each have their own currency (in "${codeField}"), so it would mix currencies.`, 'Roll up a fixed-currency amount (x-currency), or use count.')];
  }
  return [];
}
