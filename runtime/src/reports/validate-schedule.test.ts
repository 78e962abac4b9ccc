import { isTimeZone, tooFrequent } from './validate-schedule';

describe('schedule checks', () => {
  const now = new Date('2026-03-02T00:00:00Z');
  it('allows hourly and rarer, refuses anything more often than once an hour', () => {
    expect(tooFrequent('0 * * * *', 'Asia/Shanghai', now)).toBe(false);
    expect(tooFrequent('0 8 * * 1', 'Asia/Shanghai', now)).toBe(false);
    expect(tooFrequent('0 8 1 * *', 'UTC', now)).toBe(false);
    expect(tooFrequent('*/30 * * * *', 'UTC', now)).toBe(true);
    // Two times in one hour, once a day, is still too often.
    expect(tooFrequent('0,30 9 * * *', 'UTC', now)).toBe(true);
  });

  it('knows IANA zones only', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(8)).toBe(false);
  });
});
