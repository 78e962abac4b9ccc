import { DEFAULT_CHOICE } from './cron-presets';
import { nextSendTime } from './next-send';

describe('next send time of a preset', () => {
  // Monday 7 December 2026, 09:00 in Shanghai (UTC+8).
  const now = new Date('2026-12-07T01:00:00Z');

  it('counts in the schedule\'s zone', () => {
    expect(nextSendTime({ ...DEFAULT_CHOICE, preset: 'daily', time: '08:00' }, 'Asia/Shanghai', now)?.toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(nextSendTime({ ...DEFAULT_CHOICE, preset: 'daily', time: '10:30' }, 'Asia/Shanghai', now)?.toISOString()).toBe('2026-12-07T02:30:00.000Z');
    expect(nextSendTime({ ...DEFAULT_CHOICE, preset: 'weekly', time: '07:30', weekday: 5 }, 'Asia/Shanghai', now)?.toISOString()).toBe('2026-12-10T23:30:00.000Z');
    expect(nextSendTime({ ...DEFAULT_CHOICE, preset: 'weekly', time: '08:00', weekday: 1 }, 'Asia/Shanghai', now)?.toISOString()).toBe('2026-12-14T00:00:00.000Z');
    expect(nextSendTime({ ...DEFAULT_CHOICE, preset: 'monthly', time: '18:05', day: 7 }, 'Asia/Shanghai', now)?.toISOString()).toBe('2026-12-07T10:05:00.000Z');
    expect(nextSendTime({ ...DEFAULT_CHOICE, preset: 'monthly', time: '08:00', day: 1 }, 'Asia/Shanghai', now)?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('follows a zone\'s daylight saving time', () => {
    // New York: EST (UTC-5) in December, EDT (UTC-4) from 14 March 2027.
    expect(nextSendTime({ ...DEFAULT_CHOICE, preset: 'daily', time: '08:00' }, 'America/New_York', now)?.toISOString()).toBe('2026-12-07T13:00:00.000Z');
    expect(nextSendTime({ ...DEFAULT_CHOICE, preset: 'monthly', time: '08:00', day: 15 }, 'America/New_York', new Date('2027-03-01T00:00:00Z'))?.toISOString()).toBe('2027-03-15T12:00:00.000Z');
  });

  it('leaves a typed cron and an unknown zone to the server', () => {
    expect(nextSendTime({ ...DEFAULT_CHOICE, preset: 'custom', cron: '0 9 * * 1-5' }, 'Asia/Shanghai', now)).toBeUndefined();
    expect(nextSendTime(DEFAULT_CHOICE, 'Mars/Olympus', now)).toBeUndefined();
  });
});
