import type { FieldDefinition } from '@tessera/metadata';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import type { ColumnType } from '../field-types/field-type-types';
import { columnCast } from './column-cast';

/**
 * What the implementer maps when a field changes type: each option of a select to a value of
 * the new type (select → number: low → 1), or each stored value to an option of the new
 * select (text → select). The mapping travels to the plan as `valueMappings[fieldId]`.
 */
export type TypeChangeMapping = 'options-to-values' | 'values-to-options';

export interface TypeChangeOffer {
  type: string;
  /** Every value survives unchanged. */
  lossless: boolean;
  /** Converts, but drops detail (rounding, time of day). */
  lossy: boolean;
  /** Some rows may not convert: the plan counts them before anything changes. */
  checked: boolean;
  mapping?: TypeChangeMapping;
}

const TEXTUAL = new Set<ColumnType['kind']>(['text', 'varchar']);
const PLACEHOLDER_OPTIONS = [{ value: 'a', label: { en: 'a' } }];

function columnOf(registry: FieldTypeRegistry, field: FieldDefinition, type: string): ColumnType | undefined {
  try {
    const definition = registry.get(type);
    const candidate: FieldDefinition = { ...field, 'x-type': type };
    if (definition.requiresOptions && !candidate['x-options']?.length) candidate['x-options'] = PLACEHOLDER_OPTIONS;
    if (definition.stored && !definition.stored(candidate)) return undefined;
    return definition.column(candidate);
  } catch {
    return undefined;
  }
}

/**
 * The types `field` may change to, as the migration planner sees them: the same column cast
 * (`columnCast`) the planner runs decides. Types whose values the database makes (rollups,
 * autonumbers), that compute from other fields (formulas) or that need a relation's target
 * are left out: their old values could not be kept by a cast. The field's own type comes first.
 */
export function typeChangeOffers(registry: FieldTypeRegistry, field: FieldDefinition): TypeChangeOffer[] {
  const from = columnOf(registry, field, field['x-type']);
  const hadOptions = registry.has(field['x-type']) && Boolean(registry.get(field['x-type']).requiresOptions);
  const offers: TypeChangeOffer[] = [{ type: field['x-type'], lossless: true, lossy: false, checked: false }];
  if (!from) return offers;
  for (const definition of registry.list()) {
    if (definition.name === field['x-type'] || definition.requiresRelation || definition.computed || definition.unique || definition.name === 'formula') continue;
    const to = columnOf(registry, field, definition.name);
    if (!to) continue;
    const cast = columnCast('value', from, to);
    if (!cast.ok) continue;
    const offer: TypeChangeOffer = { type: definition.name, lossless: cast.lossless, lossy: cast.lossy, checked: Boolean(cast.failingWhere) };
    // Option values rarely parse as the new type (low → 1); values rarely equal the new options.
    if (hadOptions && !definition.requiresOptions && !cast.lossless && TEXTUAL.has(from.kind)) offer.mapping = 'options-to-values';
    else if (!hadOptions && definition.requiresOptions && to.kind !== 'text-array') offer.mapping = 'values-to-options';
    offers.push(offer);
  }
  return offers;
}
