/** Timer delays are milliseconds in the definition and minutes, hours or days on screen. */
export type DelayUnit = 'minutes' | 'hours' | 'days';

export const UNIT_MS: Record<DelayUnit, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };
const LARGEST_FIRST: DelayUnit[] = ['days', 'hours', 'minutes'];

/** The largest unit that divides `ms` exactly (minutes, rounded, for odd values). */
export function splitDelay(ms: number): { amount: number; unit: DelayUnit } {
  const unit = LARGEST_FIRST.find((u) => ms >= UNIT_MS[u] && ms % UNIT_MS[u] === 0) ?? 'minutes';
  return { amount: unit === 'minutes' ? Math.max(1, Math.round(ms / UNIT_MS.minutes)) : ms / UNIT_MS[unit], unit };
}

/** `undefined` unless `amount` is a whole number ≥ 1. */
export function delayMs(amount: number, unit: DelayUnit): number | undefined {
  return Number.isInteger(amount) && amount >= 1 ? amount * UNIT_MS[unit] : undefined;
}
