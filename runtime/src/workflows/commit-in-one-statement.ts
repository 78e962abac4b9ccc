import type { TransitionSuccess } from '@tessera/engine';
import type { Knex } from 'knex';
import { rowToRecord } from '../records/row-to-record';
import { outboxRows } from './apply-effects';
import { transitionConflict, type CommitRequest } from './commit-transition';

/** Effects that only change the record or leave through the outbox: nothing needs a round trip of its own. */
const STATEMENT_EFFECTS = new Set(['set-fields', 'notify', 'webhook', 'outbox']);

/**
 * Whether a transition can be written as ONE statement (no transaction of its own): no timers to
 * arm, no approval to start, no related record to create, no round-robin turn to take, and no
 * record change that is an array (knex would spread an array binding into a list).
 */
export function fitsOneStatement(result: TransitionSuccess, changes: Record<string, unknown>): boolean {
  return result.timers.length === 0 && result.effects.every((e) => STATEMENT_EFFECTS.has(e.kind)) && !Object.values(changes).some(Array.isArray);
}

/**
 * The write half of a simple transition as a single data-modifying CTE: the compare-and-set
 * update, its history row and its outbox rows commit together or not at all, in one round trip
 * instead of six (BEGIN, update, history, outbox, COMMIT). The audit trigger learns the actor
 * from `tessera.audit_context`, evaluated as the version increment. `updated_at` is set from
 * `now` so the outbox renders exactly the record that is stored.
 */
export async function commitInOneStatement(
  knex: Knex,
  req: Omit<CommitRequest, 'armTimers' | 'startApproval'> & { row: Record<string, unknown>; changes: Record<string, unknown>; requestId?: string; now: Date },
): Promise<Record<string, unknown>> {
  const { state, entity, workflow, id, version, from, result: ok, event, actor, changes, now } = req;
  const name = entity.entity['x-name'];
  const stateColumn = entity.fieldsByName.get(workflow.definition.stateField)!.column;
  const set = { ...changes, [stateColumn]: ok.to, updated_at: now };
  const columns = Object.keys(set);
  const predicted = rowToRecord({ ...req.row, ...set, version: version + 1 }, entity);
  const outbox = outboxRows(ok.effects, { entity, recordId: id, event, from, to: ok.to, actor }, predicted);

  const bindings: unknown[] = [entity.schema, entity.table, ...columns.flatMap((c) => [c, set[c]]), version, actor ?? '', req.requestId ?? '', id, version];
  let sql = `with upd as (
      update ??.?? set ${columns.map(() => '?? = ?').join(', ')}, version = ? + tessera.audit_context(?, ?, '')
      where id = ? and version = ? returning *
    ), hist as (
      insert into tessera.workflow_history (entity, record_id, workflow, workflow_version, app_version, from_state, to_state, event, data, actor)
      select ?, upd.id, ?, ?::int, ?::int, ?, ?, ?, ?::jsonb, ?::uuid from upd
    )`;
  bindings.push(name, workflow.definition.name, workflow.definition.version ?? 1, state.version, from, ok.to, event, JSON.stringify(ok.data), actor);
  if (outbox.length > 0) {
    sql += `, ob as (
      insert into tessera.outbox (kind, payload)
      select v.kind, v.payload::jsonb from upd cross join (values ${outbox.map(() => '(?, ?)').join(', ')}) as v(kind, payload)
    )`;
    bindings.push(...outbox.flatMap(({ kind, payload }) => [kind, JSON.stringify(payload)]));
  }
  const result = await knex.raw(`${sql} select * from upd`, bindings as Knex.RawBinding[]);
  const [next] = result.rows as Record<string, unknown>[];
  if (!next) throw transitionConflict(`${name} "${id}" was changed by someone else while "${event}" ran; read it again`);
  return rowToRecord(next, entity);
}
