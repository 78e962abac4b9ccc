import { createFieldTypeRegistry } from '@tessera/engine';
import type { EntityDefinition } from '@tessera/metadata';
import { bulkCreateChoice, bulkCreateFields, bulkCreateProblem, choiceToBulkCreate } from './bulk-create-choice';

const survey = {
  type: 'object', 'x-name': 'survey', 'x-plural': 'surveys', 'x-label': { en: 'Survey' },
  properties: {
    title: { 'x-id': 't', 'x-type': 'text', 'x-label': { en: 'Title' } },
    number: { 'x-id': 'n', 'x-type': 'autonumber', 'x-label': { en: 'No.' }, 'x-format': 'S-{0000}' },
    note: { 'x-id': 'o', 'x-type': 'text', 'x-label': { en: 'Note' }, 'x-readonly': true },
    customer: { 'x-id': 'c', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
  },
} as unknown as EntityDefinition;

describe('the bulkCreate editor state', () => {
  it('round-trips a spec and drops an empty Chinese label', () => {
    const spec = { label: { en: 'Send survey', zh: '发放调查' }, fields: ['title'] };
    expect(choiceToBulkCreate(bulkCreateChoice(spec))).toEqual(spec);
    expect(choiceToBulkCreate({ on: true, labelEn: ' Send ', labelZh: ' ', fields: ['title'] })).toEqual({ label: { en: 'Send' }, fields: ['title'] });
    expect(choiceToBulkCreate(bulkCreateChoice(undefined))).toBeUndefined();
  });
  it('offers the fields users fill in: not the link, a read-only field or an autonumber', () => {
    expect(bulkCreateFields(survey, 'customer', createFieldTypeRegistry())).toEqual(['title']);
  });
  it('asks for an English label and at least one field once switched on', () => {
    expect(bulkCreateProblem({ on: true, labelEn: '', labelZh: '', fields: ['title'] })).toBe('label');
    expect(bulkCreateProblem({ on: true, labelEn: 'Send', labelZh: '', fields: [] })).toBe('fields');
    expect(bulkCreateProblem({ on: false, labelEn: '', labelZh: '', fields: [] })).toBeUndefined();
  });
});
