import type { EntityDefinition, PoolActivity, PoolDefinition } from '@tessera/metadata';

const DATE_TYPES = ['date', 'datetime'];

/** A child entity whose records can count as a pool record's follow-ups: its link to the pooled entity and its dates. */
export interface ActivitySource {
  entity: string;
  via: string;
  dates: string[];
}

/** Every many-to-one link to `entityName` from an entity with a date or datetime field (follow-ups, visits, calls…). */
export function activitySources(entities: readonly EntityDefinition[], entityName: string): ActivitySource[] {
  return entities.flatMap((child) => {
    const dates = Object.keys(child.properties).filter((n) => DATE_TYPES.includes(child.properties[n]['x-type']));
    if (!dates.length) return [];
    return Object.entries(child.properties)
      .filter(([, f]) => f['x-relation']?.kind === 'many-to-one' && f['x-relation'].entity === entityName)
      .map(([via]) => ({ entity: child['x-name'], via, dates }));
  });
}

/** The pool with its activity from `source` (dated by its first date unless the old date still fits), or without one. */
export function withActivity(pool: PoolDefinition, source: ActivitySource | undefined, date?: string): PoolDefinition {
  const { activity: old, ...rest } = pool;
  if (!source) return rest;
  const keep = date ?? (old && old.entity === source.entity ? old.date : undefined);
  const activity: PoolActivity = { entity: source.entity, via: source.via, date: keep && source.dates.includes(keep) ? keep : source.dates[0] };
  return { ...rest, activity };
}

/** Claims counted per period (`days`), or over every record the user holds (undefined). */
export function withClaimPeriod(pool: PoolDefinition, days: number | undefined): PoolDefinition {
  const { claimPeriodDays: _old, ...rest } = pool;
  return days === undefined ? rest : { ...rest, claimPeriodDays: days };
}

const whole = (n: number | undefined, max: number) => n !== undefined && Number.isInteger(n) && n >= 1 && n <= max;

export type PoolProblem = 'pool' | 'poolActivity';

/** What would keep the pool from publishing: numbers out of the meta-schema's ranges, or an activity that is not a link with a date. */
export function poolProblems(pool: PoolDefinition | undefined, sources: readonly ActivitySource[]): PoolProblem[] {
  if (!pool) return [];
  const problems: PoolProblem[] = [];
  const numbers = whole(pool.returnAfterDays, 3650) && whole(pool.maxClaimsPerUser, 100_000) && (pool.claimPeriodDays === undefined || whole(pool.claimPeriodDays, 3650));
  if (!numbers) problems.push('pool');
  const a = pool.activity;
  if (a && !sources.some((s) => s.entity === a.entity && s.via === a.via && s.dates.includes(a.date))) problems.push('poolActivity');
  return problems;
}
