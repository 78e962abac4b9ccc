import type { MetricMeasure } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import type { DayRange } from './metric-types';

/** The alias of the joined "entered" history: `entered_at` is when the record last entered a named state in the range. */
export const ENTERED_ALIAS = 'metric_entered';
const HISTORY = 'tessera.workflow_history';
const SYSTEM_INSTANTS = new Set(['created_at', 'updated_at']);

/** A field of the entity as a metric names it: its column, and whether it holds days (a `date`) or instants. */
export interface FieldColumn {
  column: string;
  days: boolean;
}

export function fieldColumn(entity: CompiledEntity, name: string): FieldColumn {
  if (SYSTEM_INSTANTS.has(name)) return { column: name, days: false };
  const column = entity.fieldsByName.get(name)?.column;
  if (!column) throw new Error(`metric: ${entity.entity['x-name']} has no field "${name}" (validated at publish)`);
  return { column, days: entity.entity.properties[name]?.['x-type'] === 'date' };
}

/** The column of the entity's workflow state field whose machine has `states`. */
function stateColumn(state: AppState, entity: CompiledEntity, states: readonly string[]): string {
  const name = entity.entity['x-name'];
  const workflow = state.app.workflows?.find((w) => w.entity === name && states.every((s) => Object.hasOwn(w.machine.states ?? {}, s)));
  if (!workflow) throw new Error(`metric: no workflow of ${name} has the states ${states.join(', ')} (validated at publish)`);
  return fieldColumn(entity, workflow.stateField).column;
}

/** The first instant of `day` on the workspace calendar, computed by PostgreSQL (its zone rules, daylight saving included). */
const dayStart = (knex: Knex, day: string, timeZone: string) => knex.raw('(?::timestamp at time zone ?)', [day, timeZone]);

export interface RangeRuleContext {
  knex: Knex;
  state: AppState;
  entity: CompiledEntity;
  measure: MetricMeasure;
  range?: DayRange;
  timeZone: string;
}

/**
 * The conditions by which a measure's records fall in the time range, ANDed onto the scoped
 * aggregate (`alias` is its base table): a date within `[gte, lt)` on the workspace calendar;
 * states entered within it (the workflow's history, joined so a span can end at the entry);
 * states held when it began (the last history row before it, else the state the record was
 * created in); or a year/month period lying wholly inside it. Without a range only `entered`
 * still applies (records that ever entered the states). Values are bound; identifiers come
 * from metadata.
 */
export function applyRangeRule(qb: Knex.QueryBuilder, alias: string, ctx: RangeRuleContext): void {
  const { knex, entity, measure: m, range, timeZone } = ctx;
  const name = entity.entity['x-name'];
  const col = (column: string) => `${alias}.${column}`;
  if (m.entered) {
    const sub = knex(HISTORY).select('record_id').max({ entered_at: 'at' }).where('entity', name).whereRaw('to_state = any(?::text[])', [m.entered]);
    if (range) sub.where('at', '>=', dayStart(knex, range.gte, timeZone)).where('at', '<', dayStart(knex, range.lt, timeZone));
    qb.join(sub.groupBy('record_id').as(ENTERED_ALIAS), `${ENTERED_ALIAS}.record_id`, col('id'));
  }
  if (m.heldAtStart && range) {
    const start = dayStart(knex, range.gte, timeZone);
    qb.where(col('created_at'), '<', start);
    qb.whereRaw(
      `coalesce(
        (select h.to_state from ${HISTORY} h where h.entity = ? and h.record_id = ?? and h.at < ? order by h.at desc limit 1),
        (select h.from_state from ${HISTORY} h where h.entity = ? and h.record_id = ?? order by h.at limit 1),
        ??::text
      ) = any(?::text[])`,
      [name, col('id'), start, name, col('id'), col(stateColumn(ctx.state, entity, m.heldAtStart)), m.heldAtStart],
    );
  }
  if (!range || m.entered || m.heldAtStart) return;
  if (m.period) {
    const year = col(fieldColumn(entity, m.period.year).column);
    const yearly = knex.raw('make_date(??::int, 1, 1) >= ?::date and make_date(??::int + 1, 1, 1) <= ?::date', [year, range.gte, year, range.lt]);
    if (!m.period.month) {
      qb.where(yearly);
      return;
    }
    const month = col(fieldColumn(entity, m.period.month).column);
    qb.where((w) => void w
      .where((y) => void y.whereNull(month).where(yearly))
      .orWhere((mo) => void mo.whereNotNull(month).whereRaw("make_date(??::int, ??::int, 1) >= ?::date and make_date(??::int, ??::int, 1) + interval '1 month' <= ?::date", [year, month, range.gte, year, month, range.lt])));
    return;
  }
  const date = fieldColumn(entity, m.date ?? 'created_at');
  if (date.days) qb.where(col(date.column), '>=', knex.raw('?::date', [range.gte])).where(col(date.column), '<', knex.raw('?::date', [range.lt]));
  else qb.where(col(date.column), '>=', dayStart(knex, range.gte, timeZone)).where(col(date.column), '<', dayStart(knex, range.lt, timeZone));
}

/**
 * `avgDays`' span per record, in days: when either end is a date, both are days on the
 * workspace calendar and the span is whole days (created 10 January, closed 9 February: 30);
 * between two instants it is exact (36 hours: 1.5).
 */
export function spanExpression(knex: Knex, alias: string, entity: CompiledEntity, m: MetricMeasure, timeZone: string): Knex.Raw {
  const end = (name: string): FieldColumn => (name === 'entered' ? { column: `${ENTERED_ALIAS}.entered_at`, days: false } : { ...fieldColumn(entity, name), column: `${alias}.${fieldColumn(entity, name).column}` });
  const from = end(m.from!);
  const to = end(m.to!);
  if (from.days || to.days) {
    const day = (e: FieldColumn) => (e.days ? knex.raw('??', [e.column]) : knex.raw('(?? at time zone ?)::date', [e.column, timeZone]));
    return knex.raw('(? - ?)', [day(to), day(from)]);
  }
  return knex.raw('extract(epoch from (?? - ??)) / 86400', [to.column, from.column]);
}
