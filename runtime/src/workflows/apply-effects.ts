import { randomUUID } from 'node:crypto';
import type { WorkflowEffect } from '@tessera/engine';
import Handlebars from 'handlebars';
import type { Knex } from 'knex';
import { validationFailed } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordToRow } from '../records/row-to-record';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TransitionInfo {
  entity: CompiledEntity;
  recordId: string;
  event: string;
  from: string;
  to: string;
  actor: string | null;
}

/** Effects that change the record itself, merged into the state update (one statement). */
export async function recordChanges(trx: Knex.Transaction, effects: WorkflowEffect[], entity: CompiledEntity): Promise<Record<string, unknown>> {
  const changes: Record<string, unknown> = {};
  for (const effect of effects) {
    if (effect.kind === 'set-fields') {
      const checked = entity.validate(effect.fields, 'update');
      if (!checked.ok) throw validationFailed(checked.errors.map(({ field, rule, message }) => ({ field, rule, message })));
      Object.assign(changes, recordToRow(checked.value, entity));
    } else if (effect.kind === 'assign-owner') {
      // The turn lives in the database, so every process shares one rotation.
      const [{ position }] = (await trx.raw(
        'insert into tessera.round_robin (key, position) values (?, 0) on conflict (key) do update set position = tessera.round_robin.position + 1 returning position',
        [effect.key],
      )).rows as Array<{ position: string | number }>;
      changes.owner = await userId(trx, effect.users[Number(position) % effect.users.length]);
    }
  }
  return changes;
}

async function userId(trx: Knex.Transaction, idOrUsername: string): Promise<string> {
  if (UUID.test(idOrUsername)) return idOrUsername;
  const row = await trx('tessera.users').where({ username: idOrUsername }).first('id');
  if (!row) throw new Error(`assignOwner: no user "${idOrUsername}"`);
  return row.id as string;
}

const templates = new Map<string, HandlebarsTemplateDelegate>();
function render(template: string, data: object): string {
  let compiled = templates.get(template);
  if (!compiled) templates.set(template, (compiled = Handlebars.compile(template, { strict: false })));
  return compiled(data);
}

/**
 * Effects that reach beyond the record: related records are inserted in the same transaction;
 * notifications and webhooks become outbox rows in it, so they leave only if the state change
 * commits, and they leave after it (the outbox dispatcher).
 */
export async function applyOutsideEffects(trx: Knex.Transaction, state: AppState, effects: WorkflowEffect[], info: TransitionInfo, record: Record<string, unknown>): Promise<void> {
  const base = { entity: info.entity.entity['x-name'], recordId: info.recordId, event: info.event, from: info.from, to: info.to };
  for (const effect of effects) {
    switch (effect.kind) {
      case 'create-record': {
        const target = [...state.byPlural.values()].find((e) => e.entity['x-name'] === effect.entity);
        if (!target) throw new Error(`createRecord: no entity "${effect.entity}"`);
        const checked = target.validate({ ...effect.values, ...(effect.link ? { [effect.link]: info.recordId } : {}) }, 'create');
        if (!checked.ok) throw validationFailed(checked.errors.map(({ field, rule, message }) => ({ field: `${effect.entity}.${field}`, rule, message })));
        const who = info.actor ?? (record.owner as string | null);
        await trx.withSchema(target.schema).table(target.table).insert({ ...recordToRow(checked.value, target), id: randomUUID(), version: 1, created_at: trx.fn.now(), updated_at: trx.fn.now(), created_by: who, owner: who });
        break;
      }
      case 'notify': {
        const to = [...new Set(effect.to.map((r) => (r === 'owner' ? record.owner : r === 'creator' ? record.created_by : r)).filter((r): r is string => typeof r === 'string'))];
        const data = { ...record, $transition: base };
        await outbox(trx, 'notify', { ...base, to, subject: effect.subject ? render(effect.subject, data) : null, body: render(effect.template, data) });
        break;
      }
      case 'webhook':
        // Delivery settings travel with the row: a later publish does not change how it is sent.
        await outbox(trx, 'webhook', { ...base, url: effect.url, body: { ...effect.body, record, transition: base }, delivery: { secret: effect.secret ?? null, retryLimit: effect.retryLimit ?? null, retryDelay: effect.retryDelay ?? null } });
        break;
      case 'outbox':
        await outbox(trx, effect.type, { ...base, ...effect.payload });
        break;
      default:
        break; // set-fields / assign-owner were merged into the record update
    }
  }
}

function outbox(trx: Knex.Transaction, kind: string, payload: object) {
  return trx('tessera.outbox').insert({ kind, payload: JSON.stringify(payload) });
}
