import type { PluginMigration } from '@tessera/engine';
import type { DedupKey } from './dedup-keys';
import type { DedupStore } from './dedup-store';

/**
 * The plugin's key table: one row per (record, compared field) with the normalized value, so
 * "who else has this name/phone/email" is an equality lookup on the primary key's prefix
 * instead of `ilike '%…%'` scans. It spans the whole entity table, whoever owns the records:
 * visibility is decided afterwards, through the records API (check-duplicates.ts).
 */
const keys = (s: Pick<DedupStore, 'schema'>) => `"${s.schema}".dedup_keys`;
const ready = (s: Pick<DedupStore, 'schema'>) => `"${s.schema}".dedup_ready`;

/**
 * The plugin's migrations, in the shape Strapi's internal migrations have (a versioned name, run
 * once, recorded): the runtime applies them under its bootstrap lock (definePlugin `migrations`). `dedup_ready` records which (entity, fields) the back-fill has completed.
 */
export const DEDUP_MIGRATIONS: PluginMigration[] = [
  {
    name: '0.2.0-01-dedup-keys',
    up: (s) => [
      `create table ${keys(s)} (entity text not null, key_kind text not null, key text not null, record_id text not null, primary key (entity, key_kind, key, record_id))`,
      `create index dedup_keys_record on ${keys(s)} (entity, record_id)`,
      `create table ${ready(s)} (entity text not null, fields text not null, done_at timestamptz not null default now(), primary key (entity, fields))`,
    ],
  },
];

/** What a lookup found: probe `item` (its index in the batch) has `kind` in common with `recordId`. */
export interface KeyHit {
  item: number;
  recordId: string;
  kind: string;
}

/**
 * ONE statement for a whole batch: every item's keys are unnested into a probe list and joined
 * to the table by equality on (entity, key_kind, key). `except[i]` leaves item i's own record out
 * (an update is never a duplicate of itself).
 */
export async function lookupKeys(store: DedupStore, entity: string, items: readonly DedupKey[][], except: readonly (string | undefined)[] = []): Promise<KeyHit[]> {
  const probes = items.flatMap((keysOf, item) => keysOf.map((k) => ({ item, ...k })));
  if (probes.length === 0) return [];
  const { rows } = await store.raw(
    `select p.item, k.record_id, k.key_kind from unnest(?::int[], ?::text[], ?::text[], ?::text[]) as p(item, kind, key, except_id)
       join ${keys(store)} k on k.entity = ? and k.key_kind = p.kind and k.key = p.key
      where k.record_id is distinct from p.except_id
      order by p.item, k.record_id`,
    [probes.map((p) => p.item), probes.map((p) => p.kind), probes.map((p) => p.key), probes.map((p) => except[p.item] ?? null), entity],
  );
  return rows.map((r) => ({ item: Number(r.item), recordId: String(r.record_id), kind: String(r.key_kind) }));
}

/**
 * Sets `recordId`'s keys of the given `kinds` to `next` in one statement (the delete in a CTE):
 * a create passes all compared fields, an update only those it changes, a delete no `next`.
 */
export async function replaceKeys(store: DedupStore, entity: string, recordId: string, kinds: readonly string[], next: readonly DedupKey[]): Promise<void> {
  await store.raw(
    `with gone as (delete from ${keys(store)} where entity = ? and record_id = ? and key_kind = any(?::text[]))
     insert into ${keys(store)} (entity, key_kind, key, record_id)
     select ?, u.kind, u.key, ? from unnest(?::text[], ?::text[]) as u(kind, key)
     on conflict do nothing`,
    [entity, recordId, [...kinds], entity, recordId, next.map((k) => k.kind), next.map((k) => k.key)],
  );
}

/** Every key of a deleted record. */
export async function dropKeys(store: DedupStore, entity: string, recordId: string): Promise<void> {
  await store.raw(`delete from ${keys(store)} where entity = ? and record_id = ?`, [entity, recordId]);
}

/** Keys for many records at once (the back-fill); re-running it adds nothing twice. */
export async function insertKeys(store: DedupStore, entity: string, rows: readonly { recordId: string; keys: readonly DedupKey[] }[]): Promise<void> {
  const flat = rows.flatMap((r) => r.keys.map((k) => ({ id: r.recordId, ...k })));
  if (flat.length === 0) return;
  await store.raw(
    `insert into ${keys(store)} (entity, key_kind, key, record_id)
     select ?, u.kind, u.key, u.id from unnest(?::text[], ?::text[], ?::text[]) as u(kind, key, id)
     on conflict do nothing`,
    [entity, flat.map((k) => k.kind), flat.map((k) => k.key), flat.map((k) => k.id)],
  );
}

/**
 * Which of `ids` have no key at all: one anti-join for a page of the back-fill. A record whose
 * compared fields are all blank has no keys either, so it is read again by every run (cheap:
 * it is one of few, and reading it writes nothing).
 */
export async function missingKeys(store: DedupStore, entity: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await store.raw(
    `select u.id from unnest(?::text[]) as u(id)
      where not exists (select 1 from ${keys(store)} k where k.entity = ? and k.record_id = u.id)`,
    [[...ids], entity],
  );
  return rows.map((r) => String(r.id));
}

/** The compared fields, as `dedup_ready` records them: a settings change (a new field) needs a new back-fill. */
export const fieldsTag = (fields: readonly string[]): string => [...fields].sort().join(',');

export async function isReady(store: DedupStore, entity: string, fields: readonly string[]): Promise<boolean> {
  const { rows } = await store.raw(`select 1 from ${ready(store)} where entity = ? and fields = ?`, [entity, fieldsTag(fields)]);
  return rows.length > 0;
}

export async function markReady(store: DedupStore, entity: string, fields: readonly string[]): Promise<void> {
  await store.raw(`insert into ${ready(store)} (entity, fields) values (?, ?) on conflict do nothing`, [entity, fieldsTag(fields)]);
}
