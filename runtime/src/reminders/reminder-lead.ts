const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/;

/** `x-reminder.before` in minutes: a number is minutes; a string an ISO 8601 duration (P1D, PT2H30M, P1W). */
export function reminderLeadMinutes(before: string | number): number {
  if (typeof before === 'number') return before;
  const m = DURATION.exec(before);
  if (!m || before === 'P' || before.endsWith('T')) throw new Error(`x-reminder.before "${before}" is not a duration such as P1D or PT2H`);
  const [w, d, h, min] = m.slice(1).map((v) => Number(v ?? 0));
  return ((w * 7 + d) * 24 + h) * 60 + min;
}
