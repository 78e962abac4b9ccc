import { cronProblem, latestSlot, nextSlot } from './cron-slots';

describe('cron slots', () => {
  it('finds the latest slot at or before now, in the time zone', () => {
    // 02:00 in Shanghai is 18:00 UTC the day before.
    expect(latestSlot('0 2 * * *', 'Asia/Shanghai', new Date('2025-01-01T17:59:59Z')).toISOString()).toBe('2024-12-31T18:00:00.000Z');
    expect(latestSlot('0 2 * * *', 'Asia/Shanghai', new Date('2025-01-01T18:00:00Z')).toISOString()).toBe('2025-01-01T18:00:00.000Z');
    expect(latestSlot('*/15 * * * *', 'UTC', new Date('2025-01-01T10:29:59.999Z')).toISOString()).toBe('2025-01-01T10:15:00.000Z');
    expect(nextSlot('*/15 * * * *', 'UTC', new Date('2025-01-01T10:15:00Z')).toISOString()).toBe('2025-01-01T10:30:00.000Z');
  });

  it('explains a bad expression or time zone', () => {
    expect(cronProblem('0 2 * * *', 'Asia/Shanghai')).toBeUndefined();
    expect(cronProblem('61 * * * *', 'UTC')).toMatch(/"61 \* \* \* \*" is not a valid cron expression/);
    expect(cronProblem('every day', 'UTC')).toMatch(/not a valid cron expression/);
    expect(cronProblem('', 'UTC')).toMatch(/must be a cron expression/);
    expect(cronProblem('0 2 * * *', 'Mars/Olympus')).toMatch(/unknown time zone "Mars\/Olympus"/);
  });
});
