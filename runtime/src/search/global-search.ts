import { parseSearch, phoneDigits, searchFields, type QueryError, type SearchField } from '@tessera/engine';
import { digitsSql, escapeLike, searchConditions } from '@tessera/engine/sql';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';
import { scopedTarget } from '../records/record-scope';

/** Hits per entity unless the caller asks for fewer or more (`limit`, 1–20). */
export const HITS_PER_ENTITY = 5;
export const MAX_HITS_PER_ENTITY = 20;

export interface SearchHit {
  id: string;
  /** The display field's value; null when the caller may not read it or it is empty. */
  title: string | null;
  /** The field that matched best, and its value (a phone as stored, `138-0013-8000`). */
  field: string;
  value: string | null;
  /** 0 is best: the title equal to the search, then starting with it, containing it, then other fields the same way. */
  rank: number;
}

export interface SearchGroup {
  entity: string;
  plural: string;
  hits: SearchHit[];
}

export interface GlobalSearchResult {
  groups: SearchGroup[];
  errors: QueryError[];
}

/**
 * How well one field matches, as SQL (1–3: equal, prefix, substring; NULL: no match). A phone
 * compares its digits with the search's digits; text compares case-insensitively.
 */
function fieldRank(knex: Knex, column: string, field: SearchField, text: string, digits: string | undefined): Knex.Raw | undefined {
  if (field.match === 'digits') {
    if (!digits) return undefined;
    const d = digitsSql('??');
    return knex.raw(`case when ${d} = ? then 1 when ${d} like ? then 2 when ${d} like ? then 3 end`, [column, digits, column, `${digits}%`, column, `%${digits}%`]);
  }
  const escaped = escapeLike(text);
  return knex.raw('case when lower(??) = lower(?) then 1 when ?? ilike ? then 2 when ?? ilike ? then 3 end', [column, text, column, `${escaped}%`, column, `%${escaped}%`]);
}

/**
 * One entity's best hits for `q`, as the caller may see them: the read grant checked, the data
 * scope and soft deletion in the WHERE (`scopedTarget`), and only fields the caller may read
 * searched, ranked and returned (the fields of `recordAccess`'s restricted entity). A caller
 * without read on the entity gets no statement at all.
 */
function entityQuery(knex: Knex, state: AppState, user: AuthUser, compiled: CompiledEntity, q: string, limit: number, errors: QueryError[]): Knex.QueryBuilder | undefined {
  let ra;
  try {
    ra = recordAccess(user, state, compiled, 'read');
  } catch {
    return undefined;
  }
  // An entity with nothing to search (or whose searchable fields this user may not see) sits the search out.
  if (searchFields(ra.entity).length === 0) return undefined;
  const search = parseSearch(q, ra.entity, errors);
  if (!search) return undefined;
  const digits = phoneDigits(search.text);
  const alias = 'r';
  const column = (name: string) => `${alias}.${compiled.fieldsByName.get(name)?.column ?? name}`;
  const fields = searchFields(ra.entity)
    .map((f) => ({ f, rank: fieldRank(knex, column(f.name), f, search.text, digits) }))
    .filter((x): x is { f: SearchField; rank: Knex.Raw } => x.rank !== undefined);
  if (fields.length === 0) return undefined;
  const title = searchFields(ra.entity).find((f) => f.title);
  const target = scopedTarget(compiled, user, state, ra);
  // Inner: the scoped matches with each field's rank (the title's 0–2, the others' 3–5, so the
  // title wins a tie) and value; outer: the best rank, the field that gave it, the top hits.
  const inner = knex
    .withSchema(target.schema)
    .from(`${target.table} as ${alias}`)
    .select(`${alias}.id`, `${alias}.updated_at`, knex.raw(title ? '??::text as title' : 'null::text as title', title ? [column(title.name)] : []))
    .where((b) => void searchConditions(b, search, alias));
  fields.forEach(({ f, rank }, i) => {
    const { sql, bindings } = rank.toSQL();
    inner.select(knex.raw(`(${sql}) + ${f.title ? -1 : 2} as ??`, [...bindings, `r${i}`]), knex.raw('??::text as ??', [column(f.name), `v${i}`]));
  });
  target.restrict?.(inner, alias);
  const best = fields.length === 1 ? 's.r0' : `least(${fields.map((_, i) => `s.r${i}`).join(', ')})`;
  const pick = (what: (i: number) => string) => `case ${fields.map((_, i) => `when s.r${i} = ${best} then ${what(i)}`).join(' ')} end`;
  return knex
    .from(inner.as('s'))
    .select(
      knex.raw('?::text as entity', [compiled.entity['x-name']]),
      's.id',
      's.title',
      knex.raw(`${pick(() => '?::text')} as field`, fields.map((x) => x.f.name)),
      knex.raw(`${pick((i) => `s.v${i}`)} as value`),
      knex.raw(`${best} as rank`),
    )
    .orderByRaw(`${best}, s.updated_at desc, s.id`)
    .limit(limit);
}

/**
 * `GET /api/_search?q=`: every entity the caller can read, searched by its search fields, in
 * one statement (a UNION ALL of one ranked, scoped, limited query per entity). Groups come in
 * the order of their best hit, then the app's entity order.
 */
export async function globalSearch(knex: Knex, state: AppState, user: AuthUser, q: string, limit = HITS_PER_ENTITY): Promise<GlobalSearchResult> {
  const errors: QueryError[] = [];
  const entities = [...state.byPlural.values()];
  const queries = entities.map((e) => entityQuery(knex, state, user, e, q, limit, errors)).filter((x): x is Knex.QueryBuilder => x !== undefined);
  // parseSearch reports the same problem (too long, NUL) once per entity: once is enough.
  const unique = [...new Map(errors.map((e) => [e.message, e])).values()];
  if (unique.length > 0 || queries.length === 0) return { groups: [], errors: unique };
  const rows = (queries.length === 1 ? await queries[0] : await knex.unionAll(queries, true)) as Array<{ entity: string; id: string; title: string | null; field: string; value: string | null; rank: number | string }>;
  const order = new Map(entities.map((e, i) => [e.entity['x-name'], i]));
  const groups = new Map<string, SearchGroup>();
  for (const row of rows) {
    const compiled = entities[order.get(row.entity)!];
    const group = groups.get(row.entity) ?? { entity: row.entity, plural: compiled.entity['x-plural'], hits: [] };
    group.hits.push({ id: row.id, title: row.title, field: row.field, value: row.value, rank: Number(row.rank) });
    groups.set(row.entity, group);
  }
  const sorted = [...groups.values()].map((g) => ({ ...g, hits: g.hits.sort((a, b) => a.rank - b.rank) }));
  sorted.sort((a, b) => a.hits[0].rank - b.hits[0].rank || order.get(a.entity)! - order.get(b.entity)!);
  return { groups: sorted, errors: [] };
}
