import { timeAgo } from './time-ago';

describe('timeAgo', () => {
  const now = new Date('2024-05-10T12:00:00Z');
  const before = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

  it('says "now" for the last few seconds, also a little in the future (clock skew)', () => {
    expect(timeAgo(before(10), now, 'en')).toBe('now');
    expect(timeAgo(before(-5), now, 'en')).toBe('now');
  });

  it('uses the largest whole unit', () => {
    expect(timeAgo(before(5 * 60), now, 'en')).toBe('5 minutes ago');
    expect(timeAgo(before(3 * 3600 + 59), now, 'en')).toBe('3 hours ago');
    expect(timeAgo(before(24 * 3600), now, 'en')).toBe('yesterday');
    expect(timeAgo(before(15 * 24 * 3600), now, 'en')).toBe('2 weeks ago');
    expect(timeAgo(before(400 * 24 * 3600), now, 'en')).toBe('last year');
  });

  it('speaks Chinese for zh', () => {
    expect(timeAgo(before(5 * 60), now, 'zh')).toBe('5分钟前');
    expect(timeAgo(before(24 * 3600), now, 'zh')).toBe('昨天');
  });
});
