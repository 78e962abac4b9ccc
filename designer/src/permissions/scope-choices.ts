import type { DataScope, EntityDefinition, LocalizedText } from '@tessera/metadata';

/** One option of the matrix's scope select: its value, and for "through a parent" the relation's label. */
export interface ScopeChoice {
  value: string;
  relation?: LocalizedText;
}

const FIXED = ['own', 'team', 'department', 'all'] as const;
const PARENT = 'parent:';

/**
 * The scopes a role may take on `entity`: the four fixed ones, then "through <relation>" per
 * many-to-one relation ("controlled by parent"). A relation to the entity itself is left out:
 * a record seen through its own kind is a cycle, which publish refuses.
 */
export function scopeChoices(entity: EntityDefinition): ScopeChoice[] {
  const parents = Object.entries(entity.properties)
    .filter(([, field]) => field['x-relation']?.kind === 'many-to-one' && field['x-relation'].entity !== entity['x-name'])
    .map(([name, field]) => ({ value: PARENT + name, relation: field['x-label'] }));
  return [...FIXED.map((value) => ({ value })), ...parents];
}

/** The select's value for a stored scope (an expression is shown, not chosen: it is written in JSON). */
export const scopeValue = (scope: DataScope | undefined): string =>
  scope === undefined ? 'own' : typeof scope === 'string' ? scope : 'parent' in scope ? PARENT + scope.parent : 'expression';

/** The scope a select value stands for. */
export const scopeOf = (value: string): DataScope => (value.startsWith(PARENT) ? { parent: value.slice(PARENT.length) } : (value as DataScope));
