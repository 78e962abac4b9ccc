import { ApiError } from '../api/api-error';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { scheduleErrorKeys } from './schedule-error';

const refused = (...details: Array<[string, string]>) => new ApiError(400, 'bad_request', 'x', details.map(([field, rule]) => ({ field, rule, message: 'm' })));
const text = (messages: typeof en, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);

describe('scheduleErrorKeys', () => {
  it('names each refused rule once, in words both languages have', () => {
    const keys = scheduleErrorKeys(refused(['cron', 'frequency'], ['recipients.roles', 'forbidden'], ['recipients', 'required'], ['cron', 'frequency']));
    expect(keys).toEqual(['reports.scheduleErrors.tooOften', 'reports.scheduleErrors.roles', 'reports.scheduleErrors.recipients']);
    for (const key of [...keys, ...scheduleErrorKeys(refused(['timeZone', 'enum'], ['schedule', 'forbidden'], ['cron', 'pattern'], ['recipients.users', 'enum']))]) {
      expect(typeof text(en, key)).toBe('string');
      expect(typeof text(zh, key)).toBe('string');
    }
  });

  it('says the schedule was not saved for what it does not know, never the server\'s English', () => {
    expect(scheduleErrorKeys(new Error('network down'))).toEqual(['reports.scheduleErrors.other']);
    expect(scheduleErrorKeys(refused(['cron', 'something-new']))).toEqual(['reports.scheduleErrors.other']);
  });
});
