import { dueBound } from './fire-date-timers';

const timer = (delayMs: number) => ({ state: 'open', delayMs, field: 'due_date', target: 'late', event: 'e' });

describe('dueBound', () => {
  it('makes a date due at 00:00 in the zone plus the delay: the last due date is a local day', () => {
    // 2026-03-11 23:59 in Shanghai: a day after the 10th began, not yet a day after the 11th.
    const bound = dueBound(timer(86_400_000), true, new Date('2026-03-11T15:59:00Z'), 'Asia/Shanghai');
    expect(bound.sql).toBe('2026-03-10');
    expect([bound.due('2026-03-10'), bound.due('2026-03-11'), bound.due(null)]).toEqual([true, false, false]);
    // The same instant in UTC is still the 11th's afternoon: the 10th only.
    expect(dueBound(timer(86_400_000), true, new Date('2026-03-11T15:59:00Z'), 'UTC').sql).toBe('2026-03-10');
    expect(dueBound(timer(86_400_000), true, new Date('2026-03-11T16:00:00Z'), 'Asia/Shanghai').sql).toBe('2026-03-11');
  });

  it('compares a datetime as an instant', () => {
    const bound = dueBound(timer(3_600_000), false, new Date('2026-05-01T09:00:00Z'), 'Asia/Shanghai');
    expect(bound.sql).toEqual(new Date('2026-05-01T08:00:00Z'));
    expect([bound.due('2026-05-01T08:00:00.000Z'), bound.due('2026-05-01T08:00:01.000Z'), bound.due(undefined)]).toEqual([true, false, false]);
  });
});
