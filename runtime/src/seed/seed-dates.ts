const DAY = 86_400_000;

/** Date helpers relative to the seed's "today", so every value is reproducible from (seed, today). */
export function createSeedDates(today: Date) {
  const base = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return {
    /** A timestamp `days` days from today (negative: past), at a working hour. */
    at: (days: number, hour = 10) => new Date(base + days * DAY + hour * 3_600_000),
    /** A `YYYY-MM-DD` date `days` from today. */
    day: (days: number) => new Date(base + days * DAY).toISOString().slice(0, 10),
    year: today.getUTCFullYear(),
    month: today.getUTCMonth() + 1,
  };
}
export type SeedDates = ReturnType<typeof createSeedDates>;
