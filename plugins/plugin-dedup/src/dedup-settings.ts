import type { JsonSchema } from '@tessera/engine';

export interface ChildLink {
  /** The child entity (`contact`) and its many-to-one field pointing at the deduplicated entity (`customer`). */
  entity: string;
  field: string;
}

export interface EntityDedup {
  fields: string[];
  /** Re-pointed by a merge. Listed here because plugins get no metadata API to discover them. */
  children?: ChildLink[];
}

export interface DedupSettings {
  entities: Record<string, EntityDedup>;
  /** Who may merge: a merge deletes a record, and children the user cannot see would block or cascade it. */
  mergeRoles: string[];
}

export const dedupSettingsSchema: JsonSchema = {
  type: 'object',
  properties: {
    entities: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['fields'],
        additionalProperties: false,
        properties: {
          fields: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          children: {
            type: 'array',
            items: { type: 'object', required: ['entity', 'field'], additionalProperties: false, properties: { entity: { type: 'string' }, field: { type: 'string' } } },
          },
        },
      },
      default: { customer: { fields: ['name', 'phone', 'email'] } },
    },
    mergeRoles: { type: 'array', items: { type: 'string' }, default: ['admin'] },
  },
};

export const dedupSettings = (settings: Record<string, unknown>): DedupSettings => settings as unknown as DedupSettings;
