import { parseExpression } from 'cron-parser';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { badRequest, HttpError, type ErrorDetail } from '../errors/http-error';
import { cronProblem } from '../jobs/cron-slots';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { checkSharing } from './report-sharing';
import type { ReportSchedule } from './report-types';

const FIELDS = ['cron', 'timeZone', 'recipients'];
/** A report is a summary, not an alarm: sent at most once an hour. */
export const MIN_SCHEDULE_GAP_MS = 60 * 60_000;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz === '' || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Whether `cron` fires too often: two of its next 48 firings closer than an hour. */
export function tooFrequent(cron: string, timeZone: string, now: Date): boolean {
  const slots = parseExpression(cron, { tz: timeZone, currentDate: now });
  let previous = slots.next().toDate().getTime();
  for (let i = 0; i < 48; i++) {
    const next = slots.next().toDate().getTime();
    if (next - previous < MIN_SCHEDULE_GAP_MS) return true;
    previous = next;
  }
  return false;
}

/**
 * A schedule from a request body, checked field by field: `cron` (five fields, at most hourly),
 * `timeZone` (IANA; the workspace's when absent), `recipients` (at least one; roles and people
 * as sharing allows them to `user`, ADR 0049). 400 naming each bad field; 403 when the only
 * thing wrong is whom `user` may send to.
 */
export async function checkSchedule(knex: Knex, state: AppState, entity: CompiledEntity, user: AuthUser, body: unknown, defaultTimeZone: string, now: Date): Promise<ReportSchedule> {
  if (!isObject(body)) throw badRequest('The schedule must be a JSON object', [{ field: '', rule: 'type', message: 'must be a JSON object' }]);
  const errors: ErrorDetail[] = [];
  for (const key of Object.keys(body)) if (!FIELDS.includes(key)) errors.push({ field: key, rule: 'unknown-field', message: `is not part of a schedule; use ${FIELDS.join(', ')}` });
  const timeZone = body.timeZone ?? defaultTimeZone;
  const cron = typeof body.cron === 'string' ? body.cron.trim().replace(/\s+/g, ' ') : body.cron;
  if (!isTimeZone(timeZone)) errors.push({ field: 'timeZone', rule: 'enum', message: `is not a known time zone; use an IANA name such as "Asia/Shanghai"` });
  if (typeof cron !== 'string' || cron === '' || cron.length > 100) errors.push({ field: 'cron', rule: 'required', message: 'must be a cron expression such as "0 8 * * 1" (08:00 every Monday)' });
  else if (cron.split(' ').length !== 5) errors.push({ field: 'cron', rule: 'pattern', message: `"${cron}" must have five fields: minute hour day-of-month month day-of-week, e.g. "0 8 * * 1"` });
  else if (isTimeZone(timeZone)) {
    const problem = cronProblem(cron, timeZone);
    if (problem) errors.push({ field: 'cron', rule: 'pattern', message: problem });
    else if (tooFrequent(cron, timeZone, now)) errors.push({ field: 'cron', rule: 'frequency', message: `"${cron}" fires more often than once an hour; a report is sent at most hourly` });
  }
  let recipients: ReportSchedule['recipients'] | undefined;
  if (!isObject(body.recipients)) errors.push({ field: 'recipients', rule: 'required', message: 'must name the roles and people to send to: { "roles": [...], "users": [...] }' });
  else {
    recipients = await checkSharing(knex, state, entity, user, body.recipients, errors, { field: 'recipients', self: true });
    if (recipients && recipients.roles.length === 0 && recipients.users.length === 0) errors.push({ field: 'recipients', rule: 'required', message: 'must name at least one role or person' });
  }
  if (errors.length) {
    const message = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    if (errors.every((e) => e.rule === 'forbidden')) throw new HttpError(403, 'forbidden', message, errors);
    throw badRequest(message, errors);
  }
  return { cron: cron as string, timeZone: timeZone as string, recipients: recipients! };
}
