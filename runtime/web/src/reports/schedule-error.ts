import { ApiError } from '../api/api-error';

/** The i18n keys (under `reports.scheduleErrors`) for the schedule problems the server names by field and rule. */
const KEYS: Record<string, string> = {
  'cron:frequency': 'tooOften',
  'cron:pattern': 'cron',
  'cron:required': 'cron',
  'timeZone:enum': 'timeZone',
  'recipients:required': 'recipients',
  'recipients.roles:forbidden': 'roles',
  'recipients.users:forbidden': 'users',
  'recipients.users:enum': 'users',
  'recipients.users:limit': 'users',
  'schedule:forbidden': 'owner',
};

/** Each problem of a refused schedule in the user's language; anything unforeseen as one general sentence. */
export function scheduleErrorKeys(error: unknown): string[] {
  const details = error instanceof ApiError ? error.details : [];
  const keys = [...new Set(details.map((d) => KEYS[`${d.field}:${d.rule}`] ?? 'other'))];
  return keys.length ? keys.map((k) => `reports.scheduleErrors.${k}`) : ['reports.scheduleErrors.other'];
}
