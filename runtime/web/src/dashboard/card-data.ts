import type { DashboardCard, EntityDefinition, FieldDefinition } from '@tessera/metadata';
import { conditionsToFilter, type FilterCondition } from '../list/list-query';
import { bindMe } from '../meta/bind-me';
import { localize } from '../meta/localize';
import { TIME_COLUMNS, USER_COLUMNS } from '../records/system-columns';

/** One bar, slice, point or funnel stage: the group's value (`key`), its label, the measure. */
export interface ChartPoint {
  key: string;
  label: string;
  value: number;
}

const USER_SYSTEM_FIELDS: ReadonlySet<string> = new Set(USER_COLUMNS);
const DATE_SYSTEM_FIELDS: ReadonlySet<string> = new Set(TIME_COLUMNS);

export interface CardQueryOptions {
  /** The viewer, for `$me` in the card's filter. */
  userId?: string;
  /** The dashboard's own conditions (time range, owner), ANDed to the card's filter. */
  conditions?: { entity: EntityDefinition; rows: readonly FilterCondition[] };
  /** Measures asked beside the card's own (a funnel counts its stages too). */
  measures?: readonly string[];
}

/** `GET /api/{plural}/aggregate`'s query for a card: its group, its measure(s), its filter (with `$me` bound) and the dashboard's. */
export function cardQuery(card: DashboardCard, opts: CardQueryOptions = {}): string {
  const params = new URLSearchParams();
  if (card.group) params.set('group', card.group);
  params.set('measures', [...new Set([card.measure, ...(opts.measures ?? [])])].join(','));
  const parts: unknown[] = [];
  if (card.filter) parts.push(bindMe(card.filter, opts.userId));
  const extra = opts.conditions ? conditionsToFilter(opts.conditions.entity, opts.conditions.rows) : undefined;
  if (extra) parts.push(JSON.parse(extra));
  if (parts.length) params.set('filter', JSON.stringify(parts.length === 1 ? parts[0] : { and: parts }));
  return params.toString();
}

/** The group's field (`industry` of `industry`, `created_at` of `created_at:month`), if it is an entity field. */
export function groupField(card: DashboardCard, entity: EntityDefinition): FieldDefinition | undefined {
  const name = card.group?.split(':')[0];
  return name && Object.hasOwn(entity.properties, name) ? entity.properties[name] : undefined;
}

/** Whether the card groups by a user (owner, created_by, a user field): its labels are user names. */
export function groupsByUser(card: DashboardCard, entity: EntityDefinition): boolean {
  const name = card.group?.split(':')[0] ?? '';
  return USER_SYSTEM_FIELDS.has(name) || groupField(card, entity)?.['x-type'] === 'user';
}

/** The field a sum or average is over, for its currency. */
export function measureField(card: DashboardCard, entity: EntityDefinition): FieldDefinition | undefined {
  const name = card.measure.split(':')[1];
  return name && Object.hasOwn(entity.properties, name) ? entity.properties[name] : undefined;
}

export interface LabelContext {
  locale: 'en' | 'zh';
  /** The label of a group without a value. */
  empty: string;
  yesNo: [string, string];
  /** User id → display name, for groups by user. */
  users?: ReadonlyMap<string, string>;
}

function bucketLabel(key: string, bucket: string | undefined, locale: string): string {
  const date = new Date(key);
  if (Number.isNaN(date.getTime())) return key;
  const intl = locale === 'zh' ? 'zh-CN' : 'en-US';
  const options: Intl.DateTimeFormatOptions =
    bucket === 'year' ? { year: 'numeric' } : bucket === 'month' ? { year: 'numeric', month: 'short' } : { year: 'numeric', month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(intl, { ...options, timeZone: 'UTC' }).format(date);
}

/**
 * The aggregate API's rows as chart points. Select options keep their metadata order, with
 * zero for options no record has (a funnel shows every stage); dates run in time order;
 * anything else runs largest first. A `number` card is one point.
 */
export function cardPoints(card: DashboardCard, entity: EntityDefinition, rows: readonly Record<string, unknown>[], ctx: LabelContext): ChartPoint[] {
  const value = (row: Record<string, unknown> | undefined) => Number(row?.[card.measure] ?? 0) || 0;
  if (!card.group) return [{ key: '', label: localize(card.title, ctx.locale), value: value(rows[0]) }];
  const group = card.group;
  const [name, bucket] = group.split(':');
  const field = groupField(card, entity);
  const keyOf = (row: Record<string, unknown>) => (row[group] === null || row[group] === undefined ? '' : String(row[group]));
  if (field?.['x-options']) {
    const byKey = new Map(rows.map((r) => [keyOf(r), value(r)]));
    const points = field['x-options'].map((o) => ({ key: String(o.value), label: localize(o.label, ctx.locale), value: byKey.get(String(o.value)) ?? 0 }));
    const empty = byKey.get('');
    return empty ? [...points, { key: '', label: ctx.empty, value: empty }] : points;
  }
  const isDate = DATE_SYSTEM_FIELDS.has(name) || field?.['x-type'] === 'date' || field?.['x-type'] === 'datetime';
  const label = (key: string): string => {
    if (key === '') return ctx.empty;
    if (isDate) return bucketLabel(key, bucket, ctx.locale);
    if (field?.['x-type'] === 'boolean') return key === 'true' ? ctx.yesNo[0] : ctx.yesNo[1];
    return ctx.users?.get(key) ?? key;
  };
  const points = rows.map((r) => ({ key: keyOf(r), label: label(keyOf(r)), value: value(r) }));
  return isDate ? points.sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.key.localeCompare(b.key))) : points.sort((a, b) => b.value - a.value);
}
