import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { compiled } from '../db/run-statement';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import type { RecordAccess } from '../permissions/record-access';
import { callerCache } from './caller-cache';
import { recordScope, type DeletedMode } from './record-scope';

type Statement = Knex.SqlNative;
const PROBE_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The statement of `GET /api/{plural}/{id}`: the entity's columns the caller may read, their data
 * scope and the soft-delete filter. A caller's gets differ only in the id, so the statement is
 * compiled once and the id bound in place (measured: server CPU per get 240 → 200 µs).
 */
export function byIdStatement(knex: Knex, state: AppState, user: AuthUser, entity: CompiledEntity, mode: DeletedMode, ra: RecordAccess, id: string): Statement {
  const build = (value: string) =>
    compiled(knex.withSchema(entity.schema).table(entity.table).where({ id: value }).modify(recordScope(entity, mode)).modify((qb) => ra.restrict(qb, entity.table)).first(...(ra.columns ?? ['*'])));
  const cache = callerCache<{ statement: Statement; at: number }>(state, user);
  const key = `get\n${entity.entity['x-name']}\n${mode}`;
  let hit = cache.get(key);
  if (!hit) {
    const probe = build(PROBE_ID);
    const at = probe.bindings.indexOf(PROBE_ID);
    // The id must be one binding of its own to be swapped; otherwise compile every time.
    if (at < 0 || probe.bindings.lastIndexOf(PROBE_ID) !== at) return build(id);
    hit = cache.set(key, { statement: probe, at });
  }
  const bindings = [...hit.statement.bindings];
  bindings[hit.at] = id;
  return { sql: hit.statement.sql, bindings };
}
