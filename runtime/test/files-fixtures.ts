import type { AppDefinition } from '@tessera/metadata';

/** Contracts with one scan (PDF or image, 1000 bytes max) and several attachments; notes get a scan of their own. */
export function filesApp(): AppDefinition {
  const contract = (name: string, plural: string) => ({
    type: 'object' as const,
    'x-name': name,
    'x-plural': plural,
    'x-label': { en: name },
    properties: {
      title: { 'x-id': `${name}_title`, 'x-type': 'text', 'x-label': { en: 'Title' } },
      scan: { 'x-id': `${name}_scan`, 'x-type': 'file', 'x-label': { en: 'Scan' }, 'x-file': { maxSize: 1000, accept: ['image/*', 'application/pdf'] } },
      attachments: { 'x-id': `${name}_att`, 'x-type': 'file', 'x-label': { en: 'Attachments' }, 'x-file': { maxSize: 1000, accept: ['text/plain', 'application/pdf'], multiple: true } },
    },
  });
  return {
    name: 'files_test',
    label: { en: 'Files' },
    layouts: [],
    entities: [contract('contract', 'contracts'), contract('note', 'notes')],
    permissions: {
      roles: {
        sales: { label: { en: 'Sales' }, entities: { contract: { actions: ['read', 'create', 'update'], scope: 'own' }, note: { actions: ['read', 'create', 'update'], scope: 'own' } } },
      },
    },
  };
}
