import { parseExpression } from 'cron-parser';

/**
 * Cron arithmetic with cron-parser — the parser pg-boss itself schedules with, so an
 * expression accepted here is one pg-boss accepts, in the same time zone semantics.
 */

/** Why `cron` (in time zone `tz`) is unusable, or undefined when it is fine. */
export function cronProblem(cron: string, tz: string): string | undefined {
  if (typeof cron !== 'string' || cron.trim() === '') return 'must be a cron expression such as "0 2 * * *"';
  if (!isTimeZone(tz)) return `uses the unknown time zone "${tz}" (use an IANA name such as "Asia/Shanghai")`;
  try {
    parseExpression(cron, { tz }).next();
    return undefined;
  } catch (err) {
    return `"${cron}" is not a valid cron expression (${(err as Error).message}); use five fields: minute hour day-of-month month day-of-week, e.g. "0 2 * * *"`;
  }
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The latest moment at or before `now` the schedule fires (cron-parser's prev() is strictly before, hence +1 ms). */
export function latestSlot(cron: string, tz: string, now: Date): Date {
  return parseExpression(cron, { tz, currentDate: new Date(now.getTime() + 1) }).prev().toDate();
}

/** The first moment after `now` the schedule fires. */
export function nextSlot(cron: string, tz: string, now: Date): Date {
  return parseExpression(cron, { tz, currentDate: now }).next().toDate();
}
