import type { EntityDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';
import { scopedTarget } from '../records/record-scope';
import { entityNamed } from '../views/validate-saved-view';
import { localized, reportWords, type ReportLocale } from './report-text';

const DATES = new Set(['date', 'datetime']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isDateField = (entity: EntityDefinition, name: string) => DATES.has(entity.properties[name]?.['x-type'] ?? '') || name === 'created_at' || name === 'updated_at';
export const isUserField = (entity: EntityDefinition, name: string) => name === 'owner' || name === 'created_by' || entity.properties[name]?.['x-type'] === 'user';

/** A group's value as a key (`''` for records without one), as the builder keys its pivot. */
export const keyOf = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** A field's label in `locale`; the record's own fields (owner, created) by their usual names. */
export function fieldLabel(entity: EntityDefinition, name: string, locale: ReportLocale): string {
  const field = entity.properties[name];
  return field ? localized(field['x-label'], locale, name) : (reportWords(locale).system[name] ?? name);
}

/** `count` → Count; `sum:amount` → Sum · Amount. */
export function measureLabel(entity: EntityDefinition, measure: string, locale: ReportLocale): string {
  const [fn, field] = measure.split(':');
  const name = reportWords(locale).fns[fn] ?? fn;
  return field ? `${name} · ${fieldLabel(entity, field, locale)}` : name;
}

function bucketLabel(key: string, bucket: string | undefined, locale: ReportLocale): string {
  const date = new Date(key.length === 10 ? `${key}T00:00:00Z` : key);
  if (Number.isNaN(date.getTime())) return key;
  if (bucket === 'quarter') return `${date.getUTCFullYear()} Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
  const options: Intl.DateTimeFormatOptions = bucket === 'year' ? { year: 'numeric' } : bucket === 'month' ? { year: 'numeric', month: 'short' } : { year: 'numeric', month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { ...options, timeZone: 'UTC' }).format(date);
}

/** Names of users and titles of related records a report's rows name, as `viewer` may see them. */
async function lookups(db: Knex, state: AppState, entity: CompiledEntity, viewer: AuthUser, groups: readonly string[], rows: readonly Record<string, unknown>[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const def = entity.entity;
  const idsOf = (group: string) => [...new Set(rows.map((r) => r[group]).filter((v): v is string => typeof v === 'string' && UUID.test(v)))];
  const userIds = groups.filter((g) => isUserField(def, g)).flatMap(idsOf);
  if (userIds.length) {
    // The user directory shows any signed-in user everyone's name; the same here.
    for (const u of (await db('tessera.users').whereIn('id', [...new Set(userIds)]).select('id', 'display_name', 'username')) as { id: string; display_name: string | null; username: string }[]) out.set(u.id, u.display_name || u.username);
  }
  for (const group of groups) {
    const relation = def.properties[group]?.['x-relation'];
    const target = relation && entityNamed(state, relation.entity);
    const ids = idsOf(group);
    if (!target || ids.length === 0) continue;
    let access;
    try { access = recordAccess(viewer, state, target, 'read'); } catch { continue; }
    const display = target.entity['x-display-field'] ?? 'name';
    const column = target.fieldsByName.get(display)?.column;
    // A title the viewer may not read stays unknown: the value reads "(other)", never an id.
    if (!column || !access.entity.properties[display]) continue;
    const scoped = scopedTarget(target, viewer, state, access);
    for (let i = 0; i < ids.length; i += 500) {
      const qb = db.withSchema(scoped.schema).from(`${scoped.table} as t`).whereIn('t.id', ids.slice(i, i + 500)).select('t.id', db.raw('t.?? as title', [column]));
      scoped.restrict?.(qb, 't');
      for (const r of (await qb) as { id: string; title: unknown }[]) out.set(r.id, keyOf(r.title));
    }
  }
  return out;
}

export type ValueLabel = (group: string, key: string) => string;

/**
 * How each group value of a report reads for `viewer` in `locale`: an option's label, a month,
 * a person's name, a related record's title (only one they may read), yes/no — what the
 * report builder shows (web reports/report-labels.ts), so a sent or exported report reads alike.
 */
export async function reportValueLabels(db: Knex, state: AppState, entity: CompiledEntity, viewer: AuthUser, groups: readonly string[], rows: readonly Record<string, unknown>[], locale: ReportLocale): Promise<ValueLabel> {
  const names = await lookups(db, state, entity, viewer, groups.map((g) => g.split(':')[0]).filter((g, i) => !groups[i].includes(':')), rows);
  const words = reportWords(locale);
  const def = entity.entity;
  return (group, key) => {
    if (key === '') return words.empty;
    const [name, bucket] = group.split(':');
    const field = def.properties[name];
    const option = field?.['x-options']?.find((o) => String(o.value) === key);
    if (option) return localized(option.label, locale, key);
    if (isDateField(def, name)) return bucketLabel(key, bucket, locale);
    if (field?.['x-type'] === 'boolean') return key === 'true' ? words.yes : words.no;
    if (isUserField(def, name)) return names.get(key) ?? key;
    if (field?.['x-type'] === 'relation') return names.get(key) ?? words.other;
    return key;
  };
}
