import type { ScheduleChoice } from './cron-presets';

/** The wall-clock parts of `instant` in `timeZone`. */
function wallClock(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** The instant a wall-clock time in `timeZone` names (the zone's offset then, found by one correction step). */
function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const seen = wallClock(new Date(guess), timeZone);
  const offset = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute) - guess;
  return new Date(guess - offset);
}

/**
 * When a preset next sends after `now`, for the dialog to show while one chooses (the server's
 * answer replaces it once saved). Undefined for a typed cron: only the server reads those.
 */
export function nextSendTime(choice: ScheduleChoice, timeZone: string, now: Date): Date | undefined {
  if (choice.preset === 'custom') return undefined;
  const [hour, minute] = choice.time.split(':').map(Number);
  if (!Number.isInteger(hour) || !Number.isInteger(minute)) return undefined;
  let today: ReturnType<typeof wallClock>;
  try { today = wallClock(now, timeZone); } catch { return undefined; }
  // Two months of days always hold the next daily, weekly or monthly (day ≤ 28) slot.
  for (let i = 0; i < 62; i++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + i));
    const matches = choice.preset === 'daily'
      || (choice.preset === 'weekly' && date.getUTCDay() === choice.weekday)
      || (choice.preset === 'monthly' && date.getUTCDate() === choice.day);
    if (!matches) continue;
    const at = zonedInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, minute, timeZone);
    if (at.getTime() > now.getTime()) return at;
  }
  return undefined;
}
