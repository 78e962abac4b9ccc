import { dashboardFilterSearch, dashboardHash, isDate, parseDashboardFilter, searchOfHash } from './dashboard-filter';

const UID = '5f0c2a9e-1b7d-4c3e-9a8b-0d1e2f3a4b5c';

describe('the dashboard filter in the address', () => {
  it('round-trips every range and owner', () => {
    for (const filter of [
      {},
      { range: { period: 'this-quarter' as const } },
      { range: { period: 'custom' as const, from: '2026-01-01', to: '2026-03-31' }, owner: { kind: 'me' as const } },
      { owner: { kind: 'team' as const } },
      { range: { period: 'last-30-days' as const }, owner: { kind: 'user' as const, id: UID } },
    ]) expect(parseDashboardFilter(searchOfHash(dashboardHash(filter)))).toEqual(filter);
    expect(dashboardHash({})).toBe('#/_dashboard');
    expect(dashboardHash({ range: { period: 'this-month' }, owner: { kind: 'me' } })).toBe('#/_dashboard?range=this-month&owner=me');
  });

  it('drops what is malformed instead of guessing', () => {
    expect(parseDashboardFilter('range=next-decade&owner=robert')).toEqual({});
    expect(parseDashboardFilter('range=custom&from=2026-02-30&to=2026-03-01')).toEqual({});
    expect(parseDashboardFilter('range=custom&from=2026-03-02&to=2026-03-01')).toEqual({});
    expect(parseDashboardFilter('range=custom&from=2026-03-01')).toEqual({});
    expect(parseDashboardFilter(`owner=${UID.toUpperCase()}`)).toEqual({ owner: { kind: 'user', id: UID } });
    expect(dashboardFilterSearch({})).toBe('');
  });

  it('reads the query of the dashboard\'s address only', () => {
    expect(searchOfHash('#/_dashboard?range=this-year')).toBe('range=this-year');
    expect(searchOfHash('#/_dashboard')).toBe('');
    expect(searchOfHash('#/_reports?id=x')).toBe('');
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2025-02-29')).toBe(false);
  });
});
