import type { AppDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { defineFieldType } from '../field-types/define-field-type';
import { validateAppWithRegistry } from '../validation/validate-app-with-registry';

const label = (en: string) => ({ en });
const app = (extra: Partial<AppDefinition>): AppDefinition => ({
  name: 'crm',
  label: label('CRM'),
  layouts: [],
  entities: [{
    type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': label('Deal'),
    properties: {
      name: { 'x-id': 'd1', 'x-type': 'text', 'x-label': label('Name') },
      stage: { 'x-id': 'd2', 'x-type': 'select', 'x-label': label('Stage'), 'x-options': [{ value: 'won', label: label('Won') }, { value: 'lost', label: label('Lost') }] },
      amount: { 'x-id': 'd3', 'x-type': 'currency', 'x-label': label('Amount'), 'x-currency': 'CNY' },
      score: { 'x-id': 'd4', 'x-type': 'acme:score', 'x-label': label('Score') },
    },
  }],
  ...extra,
});
const codes = (a: AppDefinition) => {
  const registry = createFieldTypeRegistry();
  registry.register(defineFieldType({ name: 'acme:score', label: label('Score'), widget: 'text', jsonSchema: () => ({ type: 'string' }), column: () => ({ kind: 'text' }) }));
  const result = validateAppWithRegistry(a, registry);
  return result.ok ? [] : result.errors.map((e) => `${e.code} ${e.pointer} ${e.message}`);
};

describe('checkAppQueries (through validateAppWithRegistry)', () => {
  it('accepts views and cards the API would accept', () => {
    expect(codes(app({
      views: [{ name: 'won', entity: 'deal', label: label('Won'), kind: 'list', filter: { stage: { in: ['won'] } }, sort: ['-amount'] }],
      dashboards: [{ name: 'd', label: label('D'), cards: [{ id: 'a', title: label('A'), entity: 'deal', chart: 'bar', measure: 'sum:amount', group: 'stage', filter: { amount: { gte: 10 } } }] }],
    }))).toEqual([]);
  });

  it('reports a filter operator the field type lacks, or a value of the wrong kind', () => {
    expect(codes(app({ views: [{ name: 'v', entity: 'deal', label: label('V'), kind: 'list', filter: { amount: { contains: 'x' } } }] }))).toEqual([
      expect.stringMatching(/^view-query-invalid \/views\/0 View "v" is not a query the API accepts: filter amount\.contains: "amount" does not support "contains"/),
    ]);
    expect(codes(app({ dashboards: [{ name: 'd', label: label('D'), cards: [{ id: 'a', title: label('A'), entity: 'deal', chart: 'number', measure: 'count', filter: { stage: 'maybe' } }] }] }))).toEqual([
      expect.stringMatching(/^card-query-invalid \/dashboards\/0\/cards\/0 Card "a" of dashboard "d"/),
    ]);
  });

  it('refuses to add up a plugin type that is not a number (which metadata alone cannot know)', () => {
    expect(codes(app({ dashboards: [{ name: 'd', label: label('D'), cards: [{ id: 'a', title: label('A'), entity: 'deal', chart: 'number', measure: 'sum:score' }] }] }))).toEqual([
      expect.stringMatching(/card-query-invalid .* sum does not apply to "score"/),
    ]);
  });

  it('parses "$me" as the signed-in user, which the app binds per request', () => {
    expect(codes(app({ views: [{ name: 'mine', entity: 'deal', label: label('Mine'), kind: 'list', filter: { owner: { eq: '$me' } } }] }))).toEqual([]);
    expect(codes(app({ views: [{ name: 'mine', entity: 'deal', label: label('Mine'), kind: 'list', filter: { owner: { eq: 'me' } } }] }))).toEqual([expect.stringMatching(/^view-query-invalid/)]);
  });
});
