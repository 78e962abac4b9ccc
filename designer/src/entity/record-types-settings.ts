import type { EntityDefinition, RecordTypesDefinition, RecordTypeSpec } from '@tessera/metadata';

/** The entity's select fields: the ones that can choose a record's type. */
export const typeFieldChoices = (entity: EntityDefinition) => Object.keys(entity.properties).filter((f) => entity.properties[f]['x-type'] === 'select');

/**
 * Record types chosen by `field`: one type per option of the field, keeping what the author
 * already set for the options that stay (a type whose option is gone is dropped).
 */
export function typesForField(entity: EntityDefinition, field: string, previous?: RecordTypesDefinition): RecordTypesDefinition {
  const options = entity.properties[field]?.['x-options'] ?? [];
  const types: Record<string, RecordTypeSpec> = {};
  for (const o of options) types[o.value] = previous?.types[o.value] ?? {};
  return { field, types };
}

/** One type's spec without empty lists or an empty layout (what the metadata keeps). */
export function cleanSpec(spec: RecordTypeSpec): RecordTypeSpec {
  const out: RecordTypeSpec = {};
  if (spec.fields?.length) out.fields = [...new Set(spec.fields)];
  if (spec.required?.length) out.required = [...new Set(spec.required)];
  if (spec.layout) out.layout = spec.layout;
  if (spec.workflow) out.workflow = spec.workflow;
  return out;
}

export type RecordTypeProblem = ['recordTypeField'] | ['recordTypeFields' | 'recordTypeRequired', string];

/** What publishing would refuse, said before Apply: an unknown field, a required field of another type. */
export function recordTypeProblems(entity: EntityDefinition, def: RecordTypesDefinition | undefined): RecordTypeProblem[] {
  if (!def) return [];
  if (entity.properties[def.field]?.['x-type'] !== 'select') return [['recordTypeField']];
  const names = Object.keys(entity.properties);
  const typeOnly = new Set(Object.values(def.types).flatMap((t) => t.fields ?? []));
  return Object.entries(def.types).flatMap(([key, spec]): RecordTypeProblem[] => [
    ...((spec.fields ?? []).some((f) => !names.includes(f) || f === def.field) ? [['recordTypeFields', key] as RecordTypeProblem] : []),
    ...((spec.required ?? []).some((f) => !names.includes(f) || (typeOnly.has(f) && !(spec.fields ?? []).includes(f))) ? [['recordTypeRequired', key] as RecordTypeProblem] : []),
  ]);
}
