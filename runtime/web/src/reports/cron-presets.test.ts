import { choiceToCron, cronToChoice, DEFAULT_CHOICE } from './cron-presets';

describe('schedule presets', () => {
  it('makes daily, weekly and monthly crons at a time', () => {
    expect(choiceToCron({ ...DEFAULT_CHOICE, preset: 'daily', time: '07:30' })).toBe('30 7 * * *');
    expect(choiceToCron({ ...DEFAULT_CHOICE, preset: 'weekly', time: '08:00', weekday: 5 })).toBe('0 8 * * 5');
    expect(choiceToCron({ ...DEFAULT_CHOICE, preset: 'monthly', time: '18:05', day: 28 })).toBe('5 18 28 * *');
    expect(choiceToCron({ ...DEFAULT_CHOICE, preset: 'custom', cron: ' 0 9 * * 1-5 ' })).toBe('0 9 * * 1-5');
  });

  it('reads a stored cron back as its preset, anything else as custom', () => {
    expect(cronToChoice('30 7 * * *')).toMatchObject({ preset: 'daily', time: '07:30' });
    expect(cronToChoice('0 8 * * 5')).toMatchObject({ preset: 'weekly', time: '08:00', weekday: 5 });
    expect(cronToChoice('5 18 28 * *')).toMatchObject({ preset: 'monthly', time: '18:05', day: 28 });
    for (const cron of ['0 9 * * 1-5', '0 8 31 * *', '0 8 1 1 *', '*/5 * * * *', 'nonsense']) expect(cronToChoice(cron)).toMatchObject({ preset: 'custom', cron });
    for (const cron of ['30 7 * * *', '0 8 * * 5', '5 18 28 * *']) expect(choiceToCron(cronToChoice(cron))).toBe(cron);
  });
});
