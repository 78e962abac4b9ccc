import type { EntityDefinition } from '@tessera/metadata';

/** Field types a report may group by, and those it may add up. The server checks again (the aggregate parser). */
const GROUPABLE = new Set(['text', 'select', 'radio', 'date', 'datetime', 'user', 'boolean', 'relation', 'number', 'integer', 'email', 'phone']);
const NUMERIC = new Set(['number', 'integer', 'currency', 'percent']);
const DATES = new Set(['date', 'datetime']);
const SYSTEM_GROUPS = ['owner', 'created_at', 'updated_at'];

export const isDateField = (entity: EntityDefinition, name: string) => DATES.has(entity.properties[name]?.['x-type'] ?? '') || name === 'created_at' || name === 'updated_at';
export const isUserField = (entity: EntityDefinition, name: string) => name === 'owner' || name === 'created_by' || entity.properties[name]?.['x-type'] === 'user';

/** Fields to group by: the entity's own groupable fields, then owner and the record's dates. */
export const groupFields = (entity: EntityDefinition): string[] => [
  ...Object.entries(entity.properties).filter(([, f]) => GROUPABLE.has(f['x-type'])).map(([n]) => n),
  ...SYSTEM_GROUPS.filter((n) => !Object.hasOwn(entity.properties, n)),
];
export const numberFields = (entity: EntityDefinition): string[] => Object.entries(entity.properties).filter(([, f]) => NUMERIC.has(f['x-type']) && !f['x-currency-field']).map(([n]) => n);
export const dateFields = (entity: EntityDefinition): string[] => groupFields(entity).filter((n) => isDateField(entity, n));
