import { parseAggregateQuery, type AggregateQuery } from '@tessera/engine';
import { aggregateQueryToSql, groupColumn, measureColumn } from '@tessera/engine/sql';
import type { Knex } from 'knex';
import { config } from '../config';
import { runCoalesced } from '../db/coalesced-reads';
import { compiled } from '../db/run-statement';
import type { AppContext } from '../http/http-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';
import { planFor } from './caller-cache';
import { invalidQuery } from './invalid-query';
import { scopedTarget } from './record-scope';
import { toIso } from './row-to-record';

/** A value of `field` as the API shows it (numbers as numbers, dates as strings). */
function apiValue(entity: CompiledEntity, field: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field === 'version') return Number(value);
  const fromDb = entity.fieldsByName.get(field)?.fromDb;
  return fromDb ? fromDb(value) : toIso(value);
}

interface AggregatePlan {
  query: AggregateQuery;
  statement: Knex.SqlNative;
}

/** An aggregate request's parsed query and statement, kept per caller and query string like the list's. */
function aggregatePlan(ctx: AppContext, knex: Knex, state: AppState, entity: CompiledEntity): AggregatePlan {
  return planFor(ctx, state, `aggregate\n${entity.entity['x-name']}`, () => {
    const user = ctx.state.user!;
    const ra = recordAccess(user, state, entity, 'read');
    const parsed = parseAggregateQuery(ctx.query, ra.entity, state.registry, ra.entities);
    if (!parsed.ok) throw invalidQuery(parsed.errors);
    return { query: parsed.value, statement: compiled(aggregateQueryToSql(knex, parsed.value, scopedTarget(entity, user, state, ra), config().TESSERA_JOBS_TZ)) };
  });
}

/** `GET /api/{plural}/aggregate?group=…&measures=…` with the list's filter and q. */
export async function aggregateRecords(ctx: AppContext, knex: Knex, state: AppState, entity: CompiledEntity): Promise<void> {
  const { query, statement } = aggregatePlan(ctx, knex, state, entity);
  // Dashboards ask the same aggregate from many screens at once: identical ones share a run.
  const rows = await runCoalesced(knex, statement);
  ctx.body = {
    data: rows.map((row) => {
      const out: Record<string, unknown> = {};
      query.groups.forEach((g, i) => (out[g.name] = g.bucket ? row[groupColumn(i)] : apiValue(entity, g.field.column, row[groupColumn(i)])));
      query.measures.forEach((m, i) => {
        const value = row[measureColumn(i)];
        // count/distinct/sum/avg come back as bigint/numeric strings; min/max keep their field's type.
        out[m.name] = value === null ? null : m.fn === 'min' || m.fn === 'max' ? apiValue(entity, m.field!.column, value) : Number(value);
      });
      return out;
    }),
  };
}
