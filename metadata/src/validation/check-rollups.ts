import { entityViews, isRecord, stringOr, type EntityView, type FieldView } from './app-views';
import { checkRollupMatch } from './check-rollup-match';
import { capitalize } from './describe-location';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { KnownFieldType, MetadataError } from './validation-types';

/** Built-in field types a sum/avg/min/max may aggregate: the numeric columns (plugins' numeric types come from the registry). */
export const ROLLUP_NUMERIC_TYPES: readonly string[] = ['number', 'currency', 'percent'];

/**
 * What the meta-schema cannot say about `x-rollup`: which records it aggregates — the
 * children of a one-to-many field of its own entity (the trigger lives on that child table),
 * or the records of `entity` that `match` (check-rollup-match) — and what: count takes no
 * field, sum/avg/min/max need a numeric field of those records in one currency.
 */
export function checkRollups(app: unknown, fieldTypes: readonly KnownFieldType[] = []): MetadataError[] {
  const entities = entityViews(app);
  const numericTypes = new Set([...ROLLUP_NUMERIC_TYPES, ...fieldTypes.filter((t) => t.numeric).map((t) => t.name)]);
  const errors: MetadataError[] = [];
  for (const entity of entities) {
    for (const field of entity.fields) {
      const rollup = field.value['x-rollup'];
      if (field.value['x-type'] !== 'rollup') continue;
      if (!isRecord(rollup)) {
        errors.push(metadataError('rollup-invalid', field.pointer, `${capitalize(field.title)} is a rollup without "x-rollup".`, 'Add "x-rollup": { "relation": "<one-to-many field>", "fn": "count" }.'));
        continue;
      }
      const source = rollupSource(field, rollup, entity, entities);
      errors.push(...source.errors);
      if (source.child) errors.push(...checkValueField(field, rollup, source.child, numericTypes));
    }
  }
  return errors;
}

/** The entity whose records the rollup aggregates, or the errors that keep it from having one. */
function rollupSource(field: FieldView, rollup: Record<string, unknown>, entity: EntityView, entities: EntityView[]): { errors: MetadataError[]; child?: EntityView } {
  const at = (key: string) => field.pointer + pointerOf('x-rollup', key);
  const relationName = stringOr(rollup.relation);
  const entityName = stringOr(rollup.entity);
  if (relationName !== undefined && entityName !== undefined) {
    return { errors: [metadataError('rollup-invalid', at('entity'), `${capitalize(field.title)} names both a relation and an entity to roll up.`, 'Keep "relation" to roll up the records a one-to-many field lists, or "entity" with "match" to roll up the records that match this one.')] };
  }
  if (entityName !== undefined) return checkRollupMatch(field, rollup, entity, entities);
  if (relationName === undefined) {
    return { errors: [metadataError('rollup-invalid', field.pointer + pointerOf('x-rollup'), `${capitalize(field.title)} does not say which records it rolls up.`, 'Add "relation": "<one-to-many field>", or "entity" and "match": { "field", "equals" }.')] };
  }
  const misplaced = ['match', 'period'].filter((key) => rollup[key] !== undefined);
  if (misplaced.length > 0) {
    return { errors: misplaced.map((key) => metadataError('rollup-invalid', at(key), `${capitalize(field.title)} rolls up the relation "${relationName}", so it takes no "${key}".`, `Remove "${key}", or name the records by "entity" and "match" instead of "relation".`)) };
  }
  const oneToMany = entity.fields.filter((f) => isRecord(f.value['x-relation']) && f.value['x-relation'].kind === 'one-to-many').map((f) => f.name);
  const relation = entity.fields.find((f) => f.name === relationName);
  const relationSpec = relation?.value['x-relation'];
  if (!relation || !isRecord(relationSpec) || relationSpec.kind !== 'one-to-many') {
    const hint = oneToMany.length > 0 ? `One-to-many fields of ${entity.title}: ${oneToMany.join(', ')}.` : `Add a one-to-many relation field to ${entity.title} first.`;
    return { errors: [metadataError('rollup-invalid', at('relation'), `${capitalize(field.title)} rolls up "${relationName}", which is not a one-to-many relation field of ${entity.title}.`, hint)] };
  }
  // A missing target is relation-target-missing's to report.
  return { errors: [], child: entities.find((e) => e.name === stringOr(relationSpec.entity)) };
}

/** count takes no field; sum/avg/min/max a numeric field of `child` in one currency. */
function checkValueField(field: FieldView, rollup: Record<string, unknown>, child: EntityView, numericTypes: ReadonlySet<string>): MetadataError[] {
  const at = (key: string) => field.pointer + pointerOf('x-rollup', key);
  const fn = stringOr(rollup.fn);
  if (!fn) return []; // the meta-schema reports it
  const childField = stringOr(rollup.field);
  if (fn === 'count') {
    return childField === undefined ? [] : [metadataError('rollup-invalid', at('field'), `${capitalize(field.title)} counts records, so it takes no "field".`, 'Remove "field", or use sum, avg, min or max.')];
  }
  const isNumeric = (f: FieldView) => numericTypes.has(String(f.value['x-type']));
  const numeric = child.fields.filter(isNumeric).map((f) => f.name);
  const target = child.fields.find((f) => f.name === childField);
  if (!target || !isNumeric(target)) {
    const hint = numeric.length > 0 ? `Numeric fields of ${child.title}: ${numeric.join(', ')}.` : `${capitalize(child.title)} has no number, currency or percent field.`;
    const what = childField === undefined ? 'names no "field"' : `names "${childField}", which is not a numeric field of ${child.title}`;
    return [metadataError('rollup-invalid', childField === undefined ? field.pointer + pointerOf('x-rollup') : at('field'), `${capitalize(field.title)} is a rollup (${fn}) but ${what}.`, hint)];
  }
  // One number per parent cannot hold amounts in several currencies (ADR 0013).
  const codeField = stringOr(target.value['x-currency-field']);
  if (codeField !== undefined) {
    return [metadataError('rollup-invalid', at('field'), `${capitalize(field.title)} would ${fn} "${childField}" of ${child.title}, whose records each have their own currency (in "${codeField}"), so it would mix currencies.`, 'Roll up a fixed-currency amount (x-currency), or use count.')];
  }
  return [];
}
