import type { ReminderSpec } from '@tessera/metadata';
import Handlebars from 'handlebars';
import type { Knex } from 'knex';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { rowToRecord } from '../records/row-to-record';
import { reminderLeadMinutes } from './reminder-lead';

export interface ReminderWindow {
  /** Reminder moments after `from`… */
  from: Date;
  /** …up to and including `to` are sent. */
  to: Date;
  /** Where a date without a time starts (and how due dates are shown). */
  tz: string;
}

type Row = Record<string, unknown>;
const MINUTE = 60_000;

/** Every field of the published app that has a reminder. */
export function reminderFields(state: AppState): { entity: CompiledEntity; field: string; spec: ReminderSpec }[] {
  return [...state.byPlural.values()].flatMap((entity) =>
    Object.entries(entity.entity.properties)
      .filter(([, f]) => f['x-reminder'] !== undefined)
      .map(([field, f]) => ({ entity, field, spec: f['x-reminder'] as ReminderSpec })),
  );
}

/**
 * Sends the reminders whose moment (due date minus `before`) falls in (from, to]: one
 * outbox row of kind `notify` per reminder — the shape the workflow notify action writes,
 * so the outbox delivers it as an in-app notification. `tessera.reminders_sent` is claimed in
 * the same transaction, so a reminder goes out once per (record, field, due date), however
 * often or in however many processes this runs. Returns how many were sent.
 */
export async function sendReminders(knex: Knex, state: AppState, window: ReminderWindow): Promise<number> {
  let sent = 0;
  for (const { entity, field, spec } of reminderFields(state)) {
    const lead = reminderLeadMinutes(spec.before) * MINUTE;
    const lo = new Date(window.from.getTime() + lead);
    const hi = new Date(window.to.getTime() + lead);
    sent += await knex.transaction(async (trx) => {
      const rows = await dueRows(trx, entity, field, spec, lo, hi, window.tz);
      if (rows.length === 0) return 0;
      const claimed: { record_id: string; due_at: unknown }[] = await trx('tessera.reminders_sent')
        .insert(rows.map((r) => ({ entity: entity.entity['x-name'], record_id: r.id, field, due_at: r.due_at })))
        .onConflict(['entity', 'record_id', 'field', 'due_at'])
        .ignore()
        .returning(['record_id', 'due_at']);
      const fresh = new Set(claimed.map((c) => `${c.record_id}|${new Date(c.due_at as string).toISOString()}`));
      const notes = rows
        .filter((r) => fresh.has(`${r.id}|${new Date(r.due_at as string).toISOString()}`))
        .map((r) => reminderPayload(entity, field, spec, r, window.tz))
        .filter((p) => p.to.length > 0);
      if (notes.length > 0) await trx('tessera.outbox').insert(notes.map((p) => ({ kind: 'notify', payload: JSON.stringify(p) })));
      return notes.length;
    });
  }
  return sent;
}

/** Rows of `entity` with a due moment of `field` in (lo, hi], each with its `due_at`. */
async function dueRows(trx: Knex.Transaction, entity: CompiledEntity, field: string, spec: ReminderSpec, lo: Date, hi: Date, tz: string): Promise<Row[]> {
  const column = entity.fieldsByName.get(field)?.column ?? field;
  const isDate = entity.entity.properties[field]['x-type'] === 'date';
  // A date is due at 00:00 in `tz`; a datetime at its instant. `local` is the wall-clock time in `tz`.
  const moment = isDate ? trx.raw('(t.??::timestamp at time zone ?)', [column, tz]) : trx.raw('t.??', [column]);
  const local = isDate ? trx.raw('t.??::timestamp', [column]) : trx.raw('(t.?? at time zone ?)', [column, tz]);
  const live = entity.entity['x-soft-delete'] ? 'and t.deleted_at is null' : '';
  const table = trx.raw('??.??', [entity.schema, entity.table]);
  if (!spec.yearly) {
    return (await trx.raw(`select t.*, ? as due_at from ? as t where t.?? is not null ${live} and ? > ? and ? <= ?`, [moment, table, column, moment, lo, moment, hi])).rows;
  }
  // Yearly: the anniversary in each calendar year the window touches (29 Feb falls on 1 Mar in other years), never before the date itself.
  const years = [yearIn(lo, tz), yearIn(hi, tz)];
  return (await trx.raw(
    `select * from (
       select t.*, ((make_date(y.y, extract(month from ?)::int, 1) + (extract(day from ?)::int - 1) * interval '1 day' + ?::time) at time zone ?) as due_at, ? as original_at
       from ? as t cross join generate_series(?::int, ?::int) as y(y)
       where t.?? is not null ${live}
     ) c where c.due_at > ? and c.due_at <= ? and c.due_at >= c.original_at`,
    [local, local, local, tz, moment, table, years[0], years[1], column, lo, hi],
  )).rows;
}

const yearIn = (at: Date, tz: string) => Number(new Intl.DateTimeFormat('en', { timeZone: tz, year: 'numeric' }).format(at));

const templates = new Map<string, HandlebarsTemplateDelegate>();
function render(template: string, data: object): string {
  let compiled = templates.get(template);
  if (!compiled) templates.set(template, (compiled = Handlebars.compile(template, { strict: false })));
  return compiled(data);
}

/** The outbox payload of one reminder: `{ to, subject, body, entity, recordId }` like the notify action, in English and Chinese. */
function reminderPayload(entity: CompiledEntity, field: string, spec: ReminderSpec, row: Row, tz: string) {
  const record = rowToRecord(row, entity);
  const def = entity.entity.properties[field];
  const dueAt = new Date(row.due_at as string);
  const shown = new Intl.DateTimeFormat('sv-SE', { timeZone: tz, dateStyle: 'short', ...(def['x-type'] === 'datetime' ? { timeStyle: 'short' } : {}) }).format(dueAt);
  const display = String(record[entity.entity['x-display-field'] ?? 'id'] ?? record.id);
  const label = def['x-label'];
  const data = { ...record, due: shown };
  const en = spec.message ? render(spec.message.en, data) : `${display}: ${label.en} on ${shown}`;
  const zh = spec.message?.zh ? render(spec.message.zh, data) : `${display}：${label.zh ?? label.en} ${shown}`;
  const recipient = spec.notify === 'owner' ? row.owner : row[entity.fieldsByName.get(spec.notify)?.column ?? spec.notify];
  return {
    to: typeof recipient === 'string' ? [recipient] : [],
    subject: `Reminder: ${label.en} / 提醒：${label.zh ?? label.en}`,
    body: `${en}\n${zh}`,
    entity: entity.entity['x-name'],
    recordId: String(row.id),
    reminder: { field, dueAt: dueAt.toISOString() },
  };
}
