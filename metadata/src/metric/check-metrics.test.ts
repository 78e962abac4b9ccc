import { validateApp } from '../validation/validate-app';
import type { MetadataError } from '../validation/validation-types';
import { checkMetricCards } from './check-metric-cards';
import { checkMetrics } from './check-metrics';

const field = (id: string, type: string, extra: Record<string, unknown> = {}) => ({ 'x-id': id, 'x-type': type, 'x-label': { en: id }, ...extra });
const app = (metrics: unknown[], dashboards: unknown[] = []) => ({
  name: 'm', label: { en: 'M' }, layouts: [],
  entities: [
    {
      type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' },
      properties: {
        name: field('f_name', 'text'),
        amount: field('f_amount', 'currency', { 'x-currency': 'CNY' }),
        local: field('f_local', 'currency', { 'x-currency-field': 'code' }),
        code: field('f_code', 'select', { 'x-options': [{ value: 'CNY', label: { en: 'CNY' } }, { value: 'USD', label: { en: 'USD' } }] }),
        stage: field('f_stage', 'select', { 'x-options': [{ value: 'open', label: { en: 'Open' } }, { value: 'won', label: { en: 'Won' } }, { value: 'lost', label: { en: 'Lost' } }] }),
        closed_on: field('f_closed', 'date'),
        year: field('f_year', 'number'),
        rep: field('f_rep', 'user'),
      },
    },
  ],
  workflows: [{ name: 'pipeline', label: { en: 'P' }, entity: 'deal', stateField: 'stage', machine: { id: 'pipeline', initial: 'open', states: { open: { on: { WIN: { target: 'won' }, LOSE: { target: 'lost' } } }, won: { type: 'final' }, lost: { type: 'final' } } } }],
  metrics,
  ...(dashboards.length ? { dashboards } : {}),
});
const codes = (errors: MetadataError[]) => errors.map((e) => `${e.code} ${e.pointer}`);
const winRate = { name: 'win_rate', label: { en: 'Win rate' }, format: 'percent', numerator: { entity: 'deal', measure: 'count', entered: ['won'] }, denominator: { entity: 'deal', measure: 'count', entered: ['won', 'lost'] } };

describe('metrics in metadata', () => {
  it('accepts a ratio, a value, a span in days, a cohort, a period and an owner field', () => {
    const result = validateApp(app([
      winRate,
      { name: 'cycle', label: { en: 'Cycle' }, format: 'days', value: { entity: 'deal', measure: 'avgDays', from: 'created_at', to: 'closed_on', filter: { stage: { eq: 'won' } }, date: 'closed_on' } },
      { name: 'lost', label: { en: 'Lost' }, format: 'percent', range: 'this-month', numerator: { entity: 'deal', measure: 'count', heldAtStart: ['open'], entered: ['lost'] }, denominator: { entity: 'deal', measure: 'count', heldAtStart: ['open'] } },
      { name: 'size', label: { en: 'Size' }, format: 'currency', value: { entity: 'deal', measure: 'avg:amount', period: { year: 'year' }, owner: 'rep' } },
    ], [{ name: 'd', label: { en: 'D' }, cards: [], metrics: [{ id: 'w', metric: 'win_rate', chart: 'bar', group: 'closed_on:month' }, { id: 'c', metric: 'cycle', chart: 'number' }] }]));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('names each mistake at its place, with what the app has', () => {
    const errors = checkMetrics(app([
      { ...winRate, value: { entity: 'deal', measure: 'count' } },
      { name: 'a', label: { en: 'A' }, format: 'currency', numerator: { entity: 'deals', measure: 'count' } },
      { name: 'b', label: { en: 'B' }, format: 'currency', value: { entity: 'deal', measure: 'sum:name', date: 'name', entered: ['closed'], period: { year: 'year' } } },
      { name: 'c', label: { en: 'C' }, format: 'percent', value: { entity: 'deal', measure: 'count', heldAtStart: ['open'], owner: 'name', filter: { nope: { eq: 1 } } } },
      { name: 'd', label: { en: 'D' }, format: 'currency', value: { entity: 'deal', measure: 'sum:local', from: 'created_at' } },
      { name: 'd', label: { en: 'D' }, format: 'days', value: { entity: 'deal', measure: 'avgDays', from: 'entered', to: 'stage' } },
    ]));
    expect(codes(errors)).toEqual([
      'metric-shape-invalid /metrics/0/value',
      'metric-shape-invalid /metrics/1',
      'metric-entity-missing /metrics/1/numerator/entity',
      'metric-measure-invalid /metrics/2/value/measure',
      'metric-period-invalid /metrics/2/value/entered',
      'metric-field-missing /metrics/2/value/date',
      'metric-state-missing /metrics/2/value/entered/0',
      'metric-format-invalid /metrics/2/format',
      'metric-range-required /metrics/3/value/heldAtStart',
      'metric-field-missing /metrics/3/value/owner',
      'metric-field-missing /metrics/3/value/filter/nope',
      'metric-measure-invalid /metrics/4/value/from',
      'metric-measure-invalid /metrics/4/value/measure',
      'duplicate-metric-name /metrics/5/name',
      'metric-measure-invalid /metrics/5/value/from',
      'metric-field-missing /metrics/5/value/to',
    ]);
    expect(errors.find((e) => e.code === 'metric-entity-missing')?.hint).toBe('Did you mean "deal"? Entities in this app: deal.');
    expect(errors.find((e) => e.code === 'metric-state-missing')?.hint).toBe('Its states: open, won, lost.');
  });

  it('checks metric cards: the metric exists, a figure has no group, a chart groups by a field every measure has', () => {
    const dashboards = [{ name: 'd', label: { en: 'D' }, cards: [], metrics: [
      { id: 'a', metric: 'win_rat', chart: 'number' },
      { id: 'a', metric: 'win_rate', chart: 'number', group: 'rep' },
      { id: 'b', metric: 'win_rate', chart: 'bar' },
      { id: 'c', metric: 'win_rate', chart: 'line', group: 'stage:month' },
      { id: 'd', metric: 'win_rate', chart: 'bar', group: 'region' },
    ] }];
    const errors = checkMetricCards(app([winRate], dashboards));
    expect(codes(errors)).toEqual([
      'card-metric-missing /dashboards/0/metrics/0/metric',
      'duplicate-card-id /dashboards/0/metrics/1/id',
      'card-group-invalid /dashboards/0/metrics/1/group',
      'card-group-invalid /dashboards/0/metrics/2',
      'card-group-invalid /dashboards/0/metrics/3/group',
      'card-group-invalid /dashboards/0/metrics/3/group',
      'card-field-missing /dashboards/0/metrics/4/group',
      'card-field-missing /dashboards/0/metrics/4/group',
    ]);
    expect(errors[0].hint).toBe('Did you mean "win_rate"? Metrics in this app: win_rate.');
  });

  it('refuses unknown keys and formats through the meta-schema', () => {
    const result = validateApp(app([{ ...winRate, format: 'ratio', numerator: { ...winRate.numerator, dates: 'closed_on' } }]));
    expect(result.ok ? [] : result.errors.map((e) => `${e.code} ${e.pointer}`)).toEqual(expect.arrayContaining(['invalid-value /metrics/0/format', 'unknown-property /metrics/0/numerator/dates']));
  });
});
