import type { AppDefinition, EntityDefinition, FieldDefinition } from '@tessera/metadata';

const label = (en: string) => ({ en });

/** One entity with a field of each kind the migration tests change. */
export function itemEntity(): EntityDefinition {
  return {
    type: 'object',
    'x-id': 'e_item',
    'x-name': 'item',
    'x-plural': 'items',
    'x-label': label('Item'),
    properties: {
      name: { 'x-id': 'i_name', 'x-type': 'text', 'x-label': label('Name') },
      code: { 'x-id': 'i_code', 'x-type': 'text', 'x-label': label('Code') },
      qty: { 'x-id': 'i_qty', 'x-type': 'text', 'x-label': label('Quantity') },
      note: { 'x-id': 'i_note', 'x-type': 'text', 'x-label': label('Note') },
      tier: {
        'x-id': 'i_tier', 'x-type': 'select', 'x-label': label('Tier'),
        'x-options': [{ value: 'gold', label: label('Gold') }, { value: 'silver', label: label('Silver') }, { value: 'bronze', label: label('Bronze') }],
      },
    },
  };
}

export function migApp(): AppDefinition {
  return { name: 'mig', label: { en: 'Migrations' }, entities: [itemEntity()], layouts: [] };
}

/** A deep copy with `edit` applied to the item entity's properties. */
export function editItem(app: AppDefinition, edit: (props: Record<string, FieldDefinition>, entity: EntityDefinition) => void): AppDefinition {
  const next = JSON.parse(JSON.stringify(app)) as AppDefinition;
  const entity = next.entities.find((e) => e['x-id'] === 'e_item')!;
  edit(entity.properties, entity);
  return next;
}
