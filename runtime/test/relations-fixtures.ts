import type { AppDefinition, EntityDefinition, OnDeletePolicy } from '@tessera/metadata';

const text = (id: string, en: string) => ({ 'x-id': id, 'x-type': 'text', 'x-label': { en } });

/**
 * Accounts with one child entity per on-delete policy, an inverse (one-to-many) field, and
 * deals tagged through a many-to-many relation.
 */
export function relationsApp(): AppDefinition {
  const child = (name: string, plural: string, onDelete: OnDeletePolicy): EntityDefinition => ({
    type: 'object',
    'x-name': name,
    'x-plural': plural,
    'x-label': { en: name },
    properties: {
      title: text(`${name}_title`, 'Title'),
      account: { 'x-id': `${name}_account`, 'x-type': 'relation', 'x-label': { en: 'Account' }, 'x-relation': { entity: 'account', kind: 'many-to-one', onDelete } },
    },
  });
  return {
    name: 'rel_test',
    label: { en: 'Relations' },
    layouts: [],
    entities: [
      {
        type: 'object',
        'x-name': 'account',
        'x-plural': 'accounts',
        'x-label': { en: 'Account' },
        properties: {
          name: text('a_name', 'Name'),
          notes: { 'x-id': 'a_notes', 'x-type': 'relation', 'x-label': { en: 'Notes' }, 'x-relation': { entity: 'note', kind: 'one-to-many', field: 'account' } },
        },
      },
      child('note', 'notes', 'cascade'),
      child('task', 'tasks', 'set-null'),
      child('invoice', 'invoices', 'restrict'),
      { type: 'object', 'x-name': 'tag', 'x-plural': 'tags', 'x-label': { en: 'Tag' }, properties: { label: text('t_label', 'Label') } },
      {
        type: 'object',
        'x-name': 'deal',
        'x-plural': 'deals',
        'x-label': { en: 'Deal' },
        properties: {
          title: text('d_title', 'Title'),
          tags: { 'x-id': 'd_tags', 'x-type': 'relation', 'x-label': { en: 'Tags' }, 'x-relation': { entity: 'tag', kind: 'many-to-many' } },
        },
      },
    ],
  };
}
