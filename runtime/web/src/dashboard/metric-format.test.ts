import { formatMetric, metricQuery } from './metric-format';

const en = { intl: 'en-US', days: (v: string) => `${v} days`, none: '—' };
const zh = { intl: 'zh-CN', days: (v: string) => `${v} 天`, none: '—' };

describe('metric cards', () => {
  it('ask with the dashboard bar\'s range and owner, and their group', () => {
    expect(metricQuery({}, {})).toBe('');
    expect(metricQuery({ group: 'owner' }, { range: { period: 'this-quarter' }, owner: { kind: 'team' } })).toBe('range=this-quarter&owner=team&group=owner');
    expect(metricQuery({ group: 'surveyed_at:month' }, { range: { period: 'custom', from: '2025-01-01', to: '2025-03-31' } })).toBe('range=custom&from=2025-01-01&to=2025-03-31&group=surveyed_at%3Amonth');
  });

  it('read as a percentage, an amount, days or a number, in the user\'s language', () => {
    expect(formatMetric(4 / 7, 'percent', undefined, en)).toBe('57.1%');
    expect(formatMetric(0.5, 'percent', undefined, zh)).toBe('50%');
    expect(formatMetric(30000, 'currency', 'CNY', en)).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CNY' }).format(30000));
    expect(formatMetric(32.5, 'days', undefined, en)).toBe('32.5 days');
    expect(formatMetric(32.25, 'days', undefined, zh)).toBe('32.3 天');
    expect(formatMetric(3.456, 'number', undefined, en)).toBe('3.46');
    expect(formatMetric(null, 'percent', undefined, en)).toBe('—');
  });
});
