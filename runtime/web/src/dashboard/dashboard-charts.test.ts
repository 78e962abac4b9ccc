import type { AppDefinition } from '@tessera/metadata';
import { dashboardCharts } from './dashboard-charts';

const app = {
  name: 'a', label: { en: 'A' }, layouts: [],
  entities: [{
    type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' },
    properties: {
      stage: { 'x-id': 's', 'x-type': 'select', 'x-label': { en: 'Stage' }, 'x-options': [{ value: 'open', label: { en: 'Open' } }] },
      region: { 'x-id': 'r', 'x-type': 'select', 'x-label': { en: 'Region' }, 'x-options': [{ value: 'east', label: { en: 'East' } }] },
    },
  }],
  workflows: [{ entity: 'deal', stateField: 'stage' }],
} as unknown as AppDefinition;

describe('the derived dashboard', () => {
  it('is ordinary count cards (so the dashboard\'s range and owner apply), titled from labels', () => {
    expect(dashboardCharts(app).map(({ card, heading }) => [card.id, card.chart, card.group, card.measure, heading])).toEqual([
      ['deal-funnel', 'funnel', 'stage', 'count', 'funnel'],
      ['deal-region', 'bar', 'region', 'count', 'by'],
      ['deal-monthly', 'line', 'created_at:month', 'count', 'perMonth'],
    ]);
    expect(dashboardCharts(app)[0].card.entity).toBe('deal');
  });
});
