import { reminderLeadMinutes } from './reminder-lead';

describe('reminderLeadMinutes', () => {
  it('reads minutes and ISO 8601 durations', () => {
    expect(reminderLeadMinutes(30)).toBe(30);
    expect(reminderLeadMinutes('P1D')).toBe(1440);
    expect(reminderLeadMinutes('PT2H30M')).toBe(150);
    expect(reminderLeadMinutes('P1W1DT1M')).toBe(8 * 1440 + 1);
  });

  it('names the bad value', () => {
    expect(() => reminderLeadMinutes('1 day')).toThrow('x-reminder.before "1 day" is not a duration such as P1D or PT2H');
    expect(() => reminderLeadMinutes('PT')).toThrow('is not a duration');
  });
});
