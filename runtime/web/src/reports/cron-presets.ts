/** How the schedule panel offers a cron: every day, week or month at a time, or typed out. */
export type SchedulePreset = 'daily' | 'weekly' | 'monthly' | 'custom';

export interface ScheduleChoice {
  preset: SchedulePreset;
  /** `HH:MM`, 24-hour, in the schedule's time zone. */
  time: string;
  /** 0 (Sunday) … 6 (Saturday), for weekly. */
  weekday: number;
  /** 1 … 28, for monthly (every month has it). */
  day: number;
  /** The expression itself, for custom. */
  cron: string;
}

export const DEFAULT_CHOICE: ScheduleChoice = { preset: 'weekly', time: '08:00', weekday: 1, day: 1, cron: '0 8 * * 1' };

/** The cron of a choice: `0 8 * * *`, `0 8 * * 1`, `0 8 1 * *`, or the typed one. */
export function choiceToCron(c: ScheduleChoice): string {
  if (c.preset === 'custom') return c.cron.trim();
  const [h, m] = c.time.split(':').map((n) => Number(n));
  const at = `${Number.isFinite(m) ? m : 0} ${Number.isFinite(h) ? h : 0}`;
  if (c.preset === 'daily') return `${at} * * *`;
  if (c.preset === 'weekly') return `${at} * * ${c.weekday}`;
  return `${at} ${c.day} * *`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const num = (s: string, max: number) => (/^\d{1,2}$/.test(s) && Number(s) <= max ? Number(s) : undefined);

/** A stored cron read back as the preset that makes it, else as custom. */
export function cronToChoice(cron: string): ScheduleChoice {
  const custom = { ...DEFAULT_CHOICE, preset: 'custom' as const, cron };
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) return custom;
  const [mi, h, dom, mon, dow] = parts;
  const minute = num(mi, 59);
  const hour = num(h, 23);
  if (minute === undefined || hour === undefined || mon !== '*') return custom;
  const base = { ...DEFAULT_CHOICE, time: `${pad(hour)}:${pad(minute)}`, cron };
  if (dom === '*' && dow === '*') return { ...base, preset: 'daily' };
  const weekday = num(dow, 6);
  if (dom === '*' && weekday !== undefined) return { ...base, preset: 'weekly', weekday };
  const day = num(dom, 28);
  if (dow === '*' && day !== undefined && day >= 1) return { ...base, preset: 'monthly', day };
  return custom;
}
