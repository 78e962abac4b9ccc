import type { CreateRecordParams } from '@tessera/engine';
import type { EntityDefinition } from '@tessera/metadata';
import { compact } from './action-editor-types';
import type { FieldRow } from './field-rows';

/** Where a field of the new record gets its value: fixed, an expression over this record, or a record created earlier. */
export type ValueSource = 'value' | 'expr' | 'created';
export interface SourcedValue {
  source: ValueSource;
  /** The fixed value, or the expression / the earlier record's name. */
  value: unknown;
}

export interface CreateRecordState {
  entity: string;
  values: FieldRow<SourcedValue>[];
  link: string;
  as: string;
  backLink: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as written in the params, told apart as the engine does (exactly one `$expr` or `$created` key). */
export function sourcedValue(v: unknown): SourcedValue {
  if (isObject(v) && Object.keys(v).length === 1 && typeof v.$expr === 'string') return { source: 'expr', value: v.$expr };
  if (isObject(v) && Object.keys(v).length === 1 && typeof v.$created === 'string') return { source: 'created', value: v.$created };
  return { source: 'value', value: v };
}

export function writtenValue({ source, value }: SourcedValue): unknown {
  if (source === 'expr') return { $expr: String(value ?? '') };
  if (source === 'created') return { $created: String(value ?? '') };
  return value;
}

export const createRecordToState = (p: Partial<CreateRecordParams>): CreateRecordState => ({
  entity: p.entity ?? '',
  values: Object.entries(p.values ?? {}).map(([field, v]) => ({ field, value: sourcedValue(v) })),
  link: p.link ?? '',
  as: p.as ?? '',
  backLink: p.backLink ?? '',
});

export const createRecordToParams = (s: CreateRecordState): Partial<CreateRecordParams> => compact({
  entity: s.entity || undefined,
  values: s.values.length ? Object.fromEntries(s.values.map((r) => [r.field, writtenValue(r.value)])) : undefined,
  link: s.link || undefined,
  as: s.as || undefined,
  backLink: s.backLink || undefined,
});

/** The to-one relation fields of `from` that point at the entity named `to` (what link and backLink accept). */
export function relationsTo(from: EntityDefinition | undefined, to: string): string[] {
  return Object.entries(from?.properties ?? {})
    .filter(([, d]) => d['x-type'] === 'relation' && d['x-relation']?.entity === to && d['x-relation'].kind !== 'many-to-many' && d['x-relation'].kind !== 'one-to-many')
    .map(([f]) => f);
}

/**
 * Picking another entity: the values and links written for the old one no longer apply; the
 * link back to this record is filled in when the new entity has exactly one such relation.
 */
export function withTarget(s: CreateRecordState, target: EntityDefinition | undefined, entity: string, source: EntityDefinition | undefined): CreateRecordState {
  const links = source ? relationsTo(target, source['x-name']) : [];
  return { entity, values: [], link: links.length === 1 ? links[0] : '', as: s.as, backLink: '' };
}
