import { dateTimers, type CompiledWorkflow, type DateTimer } from '@tessera/engine';
import type { EntityWorkflows } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { isSoftDelete } from '../records/record-scope';
import { whereWorkflowRuns } from './entity-workflow-definitions';

/** Fires one date timer on one record, or says it no longer applies (null); see performTransition. */
export type FireDateTimer = (entity: CompiledEntity, workflow: CompiledWorkflow, id: string, timer: DateTimer, due: (record: Record<string, unknown>) => boolean) => Promise<unknown>;

export interface DateTimerSweep {
  fired: number;
  /** Records whose transition failed (logged; the next sweep tries them again). */
  failed: number;
}

/** Rows read per page: a sweep after a long outage walks the backlog page by page. */
const PAGE = 200;

/** `YYYY-MM-DD` of `at` in `tz`. */
const localDate = (at: Date, tz: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/**
 * When a record's timer is due, as a bound on its date field: a date is 00:00 in `tz`, so
 * "date + delay ≤ now" is "date ≤ the local day of (now − delay)"; a datetime compares as an
 * instant. One bound per timer keeps the query a range scan on (state, date).
 */
export function dueBound(timer: DateTimer, isDate: boolean, now: Date, tz: string): { sql: string | Date; due(value: unknown): boolean } {
  const edge = new Date(now.getTime() - timer.delayMs);
  if (isDate) {
    const day = localDate(edge, tz);
    return { sql: day, due: (v) => typeof v === 'string' && v.slice(0, 10) <= day };
  }
  return { sql: edge, due: (v) => (typeof v === 'string' || v instanceof Date) && new Date(v).getTime() <= edge.getTime() };
}

/**
 * The sweep behind timers counted from a date field (ADR 0050): for each such timer, the
 * records in its state whose date plus delay has passed at `now`, each fired through the
 * delayed transition (guard, actions, history, next timers) by `fire`. Nothing is armed per
 * record, so a changed date needs no re-arming: the next sweep reads the date as it is now.
 * A record whose guard says no stays in its state and is asked again at the next sweep.
 */
export async function fireDateTimers(
  knex: Knex,
  state: AppState,
  deps: { workflowsOf(entity: CompiledEntity): EntityWorkflows<CompiledWorkflow> | undefined; fire: FireDateTimer; logger?: Pick<Console, 'error'> },
  now: Date,
  tz: string,
): Promise<DateTimerSweep> {
  const result: DateTimerSweep = { fired: 0, failed: 0 };
  for (const entity of state.byPlural.values()) {
    const workflows = deps.workflowsOf(entity);
    for (const workflow of workflows?.all ?? []) {
      // Only the records this workflow runs for: another record type's may share the state field.
      const scope = workflows!.scope(workflow);
      const runs = whereWorkflowRuns(scope, scope && entity.fieldsByName.get(scope.field)?.column);
      const stateColumn = entity.fieldsByName.get(workflow.definition.stateField)?.column;
      for (const timer of dateTimers(workflow)) {
        const dateColumn = entity.fieldsByName.get(timer.field)?.column;
        if (!stateColumn || !dateColumn) continue; // publish refuses such a workflow
        const bound = dueBound(timer, entity.entity.properties[timer.field]?.['x-type'] === 'date', now, tz);
        const due = (record: Record<string, unknown>) => bound.due(record[timer.field]);
        let after: { at: unknown; id: string } | undefined;
        for (;;) {
          const rows: { id: string; at: unknown }[] = await knex.withSchema(entity.schema).table(entity.table)
            .where(stateColumn, timer.state)
            .where(dateColumn, '<=', bound.sql)
            .modify(runs)
            .modify((qb) => {
              if (isSoftDelete(entity)) qb.whereNull('deleted_at');
              if (after) qb.whereRaw('(??, id) > (?, ?)', [dateColumn, after.at as Knex.Value, after.id]);
            })
            .orderBy([dateColumn, 'id'])
            .limit(PAGE)
            .select({ id: 'id', at: dateColumn });
          for (const row of rows) {
            try {
              if (await deps.fire(entity, workflow, row.id, timer, due)) result.fired += 1;
            } catch (err) {
              // One record's failing action (a validation, a missing plugin) must not hold back the rest.
              result.failed += 1;
              deps.logger?.error(`date timer ${entity.entity['x-name']} ${row.id} (${timer.state}, since ${timer.field}): ${(err as Error).message}`);
            }
          }
          if (rows.length < PAGE) break;
          after = rows[rows.length - 1];
        }
      }
    }
  }
  return result;
}
