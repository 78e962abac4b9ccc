import type { SeedDates } from './seed-dates';
import type { SeedRandom } from './seed-random';
import type { SeedOwners, SeedRecord } from './seed-types';

/** This year's target per salesperson: a yearly one and twelve monthly ones, achieved up to last month. */
export function generateTargets(rnd: SeedRandom, dates: SeedDates, owners: SeedOwners, manager: string, scale: number): SeedRecord[] {
  const out: SeedRecord[] = [];
  // Targets grow with the data set, so achievement stays plausible at any --scale.
  const monthly = Math.max(100_000, Math.round((scale * 2_000) / Math.max(1, owners.targets.length) / 1000) * 1000);
  for (const person of owners.targets) {
    out.push({ entity: 'sales_target', id: rnd.uuid(), owner: manager, createdAt: dates.at(-30), data: { name: `${person.name} ${dates.year}`, assignee: person.id, year: dates.year, month: null, amount: monthly * 12, achieved_amount: null } });
    for (let m = 1; m <= 12; m++) {
      const achieved = m < dates.month ? Math.round(monthly * (0.6 + rnd.next() * 0.7)) : m === dates.month ? Math.round(monthly * rnd.next() * 0.5) : null;
      out.push({ entity: 'sales_target', id: rnd.uuid(), owner: manager, createdAt: dates.at(-30), data: { name: `${person.name} ${dates.year}-${String(m).padStart(2, '0')}`, assignee: person.id, year: dates.year, month: m, amount: monthly, achieved_amount: achieved } });
    }
  }
  return out;
}
