import { rangeBounds, todayIn } from './report-range';

describe('report time ranges', () => {
  it('takes today from the workspace calendar, not UTC', () => {
    // 17:30 UTC on 31 March is already 1 April in Shanghai.
    expect(todayIn('Asia/Shanghai', new Date('2026-03-31T17:30:00Z'))).toEqual([2026, 4, 1]);
    expect(todayIn('UTC', new Date('2026-03-31T17:30:00Z'))).toEqual([2026, 3, 31]);
  });

  it('bounds months, quarters, years and the last 30 days, end exclusive', () => {
    expect(rangeBounds('this-month', [2026, 12, 15])).toEqual({ gte: '2026-12-01', lt: '2027-01-01' });
    expect(rangeBounds('this-quarter', [2026, 5, 2])).toEqual({ gte: '2026-04-01', lt: '2026-07-01' });
    expect(rangeBounds('this-year', [2026, 5, 2])).toEqual({ gte: '2026-01-01', lt: '2027-01-01' });
    expect(rangeBounds('last-30-days', [2026, 3, 10])).toEqual({ gte: '2026-02-09', lt: '2026-03-11' });
  });
});
