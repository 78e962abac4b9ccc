import { cursorFromRow, parseListQuery, type ListQuery } from '@tessera/engine';
import { countQueryToSql, listQueryToSql } from '@tessera/engine/sql';
import type { Knex } from 'knex';
import { runCoalesced } from '../db/coalesced-reads';
import { compiled, runStatement } from '../db/run-statement';
import { API_READ_OPTIONS } from '../db/type-parsers';
import type { AppContext } from '../http/http-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { expandGuard } from '../permissions/expand-guard';
import { recordAccess, type RecordAccess } from '../permissions/record-access';
import { poolAccess, takePoolParam } from '../pool/pool-access';
import { planFor } from './caller-cache';
import { invalidQuery } from './invalid-query';
import { loadExpanded, reportTruncated } from './load-expanded';
import { scopedTarget, takeDeletedParam } from './record-scope';
import { attachLinks, hasLinks } from './relation-links';
import { rowToRecord } from './row-to-record';

/** Only the fields a `fields=` request asked for, and always the id. */
export function projectRecord(record: Record<string, unknown>, fields: readonly string[] | undefined, expanded: readonly string[] = []): Record<string, unknown> {
  if (!fields) return record;
  const out: Record<string, unknown> = { id: record.id };
  for (const name of [...fields, ...expanded]) out[name] = record[name];
  return out;
}

interface ListPlan {
  ra: RecordAccess;
  query: ListQuery;
  list: Knex.SqlNative;
  count?: Knex.SqlNative;
}

/**
 * What a list request compiles to: its access, parsed query and statements. Parsing and knex's
 * compiling cost a filtered list ~60 µs of ~1 ms, and a dashboard or a client polling asks the
 * same query again and again — so a caller's plans are kept per query string (`planFor`:
 * dropped with a publish or a change to the caller's roles or department). Cursor pages are
 * compiled each time: each cursor is asked once.
 */
function listPlan(ctx: AppContext, knex: Knex, state: AppState, entity: CompiledEntity): ListPlan {
  return planFor(ctx, state, `list\n${entity.entity['x-name']}`, () => {
    const user = ctx.state.user!;
    const { mode, query: withPool } = takeDeletedParam(ctx, entity);
    const { pool, query: params } = takePoolParam(withPool);
    // Permissions: parsed against the entities as this user knows them (a hidden field is an
    // unknown field), the data scope in the WHERE, hidden columns never selected.
    const ra = pool ? poolAccess(user, state, entity) : recordAccess(user, state, entity, 'read');
    const parsed = parseListQuery(params, ra.entity, state.registry, ra.entities);
    if (!parsed.ok) throw invalidQuery(parsed.errors);
    const query: ListQuery = parsed.value;
    if (ra.columns && !query.columns) query.columns = ra.columns;
    const target = scopedTarget(entity, user, state, ra, mode);
    return { ra, query, list: compiled(listQueryToSql(knex, query, target)), count: query.count ? compiled(countQueryToSql(knex, query, target)) : undefined };
  }, ctx.querystring.includes('cursor'));
}

/**
 * `GET /api/{plural}`: filter, q, sort, fields, limit + offset or cursor, count, expand.
 * The page is fetched with one row more than the limit: that row only tells whether a
 * next page (and so `nextCursor`) exists.
 */
export async function listRecords(ctx: AppContext, knex: Knex, state: AppState, entity: CompiledEntity): Promise<void> {
  const { ra, query, list, count } = listPlan(ctx, knex, state, entity);
  const [rows, total] = await Promise.all([
    runStatement(knex, list, API_READ_OPTIONS),
    count ? runCoalesced(knex, count).then(([row]) => Number(row.count)) : undefined,
  ]);
  const page = rows.slice(0, query.limit);
  if (hasLinks(entity)) await attachLinks(knex, entity, page);
  const records = page.map((row) => ra.strip(rowToRecord(row, entity)));
  if (query.expand.length > 0) reportTruncated(ctx, await loadExpanded(knex, state, query.expand, page, records, expandGuard(ctx.state.user!, state)));
  const more = rows.length > query.limit;
  ctx.body = {
    data: records.map((r) => projectRecord(r, query.fields, query.expand.map((n) => n.name))),
    ...(total !== undefined ? { total } : {}),
    limit: query.limit,
    ...(query.cursor ? {} : { offset: query.offset }),
    nextCursor: more && page.length > 0 ? cursorFromRow(page[page.length - 1], query.sort) : null,
  };
}
