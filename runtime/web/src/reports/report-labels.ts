import type { EntityDefinition } from '@tessera/metadata';
import { localize } from '../meta/localize';
import { isDateField, isUserField } from './report-fields';

export interface LabelContext {
  locale: 'en' | 'zh';
  empty: string;
  yesNo: [string, string];
  /** User id → name, and related record id → title, for groups by a user or a relation. */
  users: ReadonlyMap<string, string>;
  /** The label of a related record the viewer may not read. */
  other: string;
}

function bucketLabel(key: string, bucket: string | undefined, locale: string): string {
  const date = new Date(key.length === 10 ? `${key}T00:00:00Z` : key);
  if (Number.isNaN(date.getTime())) return key;
  const intl = locale === 'zh' ? 'zh-CN' : 'en-US';
  if (bucket === 'quarter') return `${date.getUTCFullYear()} Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
  const options: Intl.DateTimeFormatOptions = bucket === 'year' ? { year: 'numeric' } : bucket === 'month' ? { year: 'numeric', month: 'short' } : { year: 'numeric', month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(intl, { ...options, timeZone: 'UTC' }).format(date);
}

/** How a group's value reads: an option's label, a month, a person's name, yes/no. */
export function groupValueLabel(entity: EntityDefinition, group: string, key: string, ctx: LabelContext): string {
  if (key === '') return ctx.empty;
  const [name, bucket] = group.split(':');
  const field = entity.properties[name];
  const option = field?.['x-options']?.find((o) => String(o.value) === key);
  if (option) return localize(option.label, ctx.locale);
  if (isDateField(entity, name)) return bucketLabel(key, bucket, ctx.locale);
  if (field?.['x-type'] === 'boolean') return key === 'true' ? ctx.yesNo[0] : ctx.yesNo[1];
  if (isUserField(entity, name)) return ctx.users.get(key) ?? key;
  // A related record: its title, or "(other)" when the viewer may not read it — never its id.
  if (field?.['x-type'] === 'relation') return ctx.users.get(key) ?? ctx.other;
  return key;
}

/** Keys in a reading order: options as declared, dates in time order, anything else alphabetically by label. */
export function orderKeys(entity: EntityDefinition, group: string, keys: string[], label: (key: string) => string): string[] {
  const name = group.split(':')[0];
  const options = entity.properties[name]?.['x-options']?.map((o) => String(o.value));
  const last = (k: string) => (k === '' ? 1 : 0);
  if (options) return [...keys].sort((a, b) => last(a) - last(b) || options.indexOf(a) - options.indexOf(b));
  if (isDateField(entity, name)) return [...keys].sort((a, b) => last(a) - last(b) || a.localeCompare(b));
  return [...keys].sort((a, b) => last(a) - last(b) || label(a).localeCompare(label(b)));
}
