import { parseMetricQuery } from './metric-request';

// 17:30 UTC on 31 March is already 1 April in Shanghai.
const now = new Date('2026-03-31T17:30:00Z');

describe('a metric request\'s range, owner and group', () => {
  it('resolves a period on the workspace calendar, a custom range with its last day, and the metric\'s default', () => {
    expect(parseMetricQuery({ range: 'this-month' }, undefined, 'Asia/Shanghai', now).range).toEqual({ gte: '2026-04-01', lt: '2026-05-01' });
    expect(parseMetricQuery({ range: 'this-month' }, undefined, 'UTC', now).range).toEqual({ gte: '2026-03-01', lt: '2026-04-01' });
    expect(parseMetricQuery({ range: 'custom', from: '2026-01-01', to: '2026-02-28' }, 'this-year', 'UTC', now).range).toEqual({ gte: '2026-01-01', lt: '2026-03-01' });
    expect(parseMetricQuery({}, 'this-quarter', 'Asia/Shanghai', now).range).toEqual({ gte: '2026-04-01', lt: '2026-07-01' });
    expect(parseMetricQuery({}, undefined, 'UTC', now)).toEqual({});
  });

  it('reads the owner and the group', () => {
    expect(parseMetricQuery({ owner: 'team', group: 'created_at:month' }, undefined, 'UTC', now)).toEqual({ owner: { kind: 'team' }, group: 'created_at:month' });
    expect(parseMetricQuery({ owner: 'AAAAAAAA-0000-4000-8000-000000000001' }, undefined, 'UTC', now).owner).toEqual({ kind: 'user', id: 'aaaaaaaa-0000-4000-8000-000000000001' });
  });

  it('refuses anything malformed, naming each parameter', () => {
    const problems = (query: Record<string, string | string[]>) => {
      try {
        parseMetricQuery(query, undefined, 'UTC', now);
        return [];
      } catch (err) {
        return (err as { details: { parameter: string }[] }).details.map((d) => d.parameter);
      }
    };
    expect(problems({ range: 'custom', from: '2026-02-30', to: '2026-01-01' })).toEqual(['from']);
    expect(problems({ range: 'custom', from: '2026-03-01', to: '2026-01-01' })).toEqual(['to']);
    expect(problems({ range: 'yesterday', owner: 'boss', group: 'a b', limit: '3' })).toEqual(['limit', 'range', 'owner', 'group']);
    expect(problems({ range: 'this-year', from: '2026-01-01' })).toEqual(['from']);
    expect(problems({ owner: ['me', 'team'] })).toEqual(['owner']);
  });
});
