import { entityRules, type WorkflowEffect } from '@tessera/engine';
import type { WorkflowDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import { validationFailed } from '../errors/http-error';
import { renderNotification } from '../notifications/render-notification';
import type { CompiledEntity } from '../meta/compile-app-state';
import { assertRules } from '../records/entity-rule-checks';
import { recordToRow, rowToRecord } from '../records/row-to-record';
import { ownerByLoadOrFallback, ownerByRoundRobin } from './pick-owner';
import { recipientTokens } from '../notifications/expand-recipients';

export interface TransitionInfo {
  entity: CompiledEntity;
  recordId: string;
  event: string;
  from: string;
  to: string;
  actor: string | null;
}

/** Which record the changes are for: `load` counts the entity's open records under its workflow. */
export interface ChangeTarget {
  id: string;
  workflow: WorkflowDefinition;
  /** The record as the transition read it (else read here when the entity has x-rules). */
  record?: Record<string, unknown>;
  /** The state the transition enters, so rules see it too. */
  to?: string;
}

/** Effects that change the record itself, merged into the state update (one statement). */
export async function recordChanges(trx: Knex, effects: WorkflowEffect[], entity: CompiledEntity, target?: ChangeTarget): Promise<Record<string, unknown>> {
  const changes: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const effect of effects) {
    if (effect.kind === 'set-fields') {
      const checked = entity.validate(effect.fields, 'update');
      if (!checked.ok) throw validationFailed(checked.errors.map(({ field, rule, message }) => ({ field, rule, message })));
      Object.assign(fields, checked.value);
      Object.assign(changes, recordToRow(checked.value, entity));
    } else if (effect.kind === 'assign-owner') {
      if (effect.strategy === 'round-robin') changes.owner = await ownerByRoundRobin(trx, effect.users, effect.key);
      else {
        if (!target) throw new Error('assignOwner by load needs the record and its workflow');
        changes.owner = await ownerByLoadOrFallback(trx, entity, target.workflow, effect.users, effect.fallback, target.id);
      }
    }
  }
  if (Object.keys(fields).length > 0 && target) await assertTransitionRules(trx, entity, target, fields);
  return changes;
}

/**
 * x-rules on what a transition's setFields write: the record as read (the write is a
 * compare-and-set on its version, so it is still the stored one) with the fields and the new state.
 */
async function assertTransitionRules(trx: Knex, entity: CompiledEntity, target: ChangeTarget, fields: Record<string, unknown>): Promise<void> {
  if (!entityRules(entity.entity).any) return;
  const row = target.record ? undefined : await trx.withSchema(entity.schema).table(entity.table).where({ id: target.id }).first();
  const stored = target.record ?? (row ? rowToRecord(row, entity) : undefined);
  if (!stored) return;
  assertRules(entity, { ...stored, ...fields, ...(target.to !== undefined ? { [target.workflow.stateField]: target.to } : {}) }, stored);
}

/** The outbox rows (kind + payload) of a transition's notify/webhook/outbox effects, rendered on the record as written. */
export function outboxRows(effects: WorkflowEffect[], info: TransitionInfo, record: Record<string, unknown>): { kind: string; payload: object }[] {
  const base = { entity: info.entity.entity['x-name'], recordId: info.recordId, event: info.event, from: info.from, to: info.to };
  return effects.flatMap((effect) => {
    switch (effect.kind) {
      case 'notify': {
        const to = recipientTokens(effect.to, record);
        const data = { ...record, $transition: base };
        // Every locale the action gave is rendered now; each recipient gets theirs at delivery.
        return [{ kind: 'notify', payload: { ...base, to, ...renderNotification(effect.template, effect.subject, data), ...(effect.channels ? { channels: effect.channels } : {}) } as object }];
      }
      case 'webhook':
        // Delivery settings travel with the row: a later publish does not change how it is sent.
        return [{ kind: 'webhook', payload: { ...base, url: effect.url, body: { ...effect.body, record, transition: base }, delivery: { secret: effect.secret ?? null, retryLimit: effect.retryLimit ?? null, retryDelay: effect.retryDelay ?? null } } }];
      case 'outbox':
        return [{ kind: effect.type, payload: { ...base, ...effect.payload } }];
      default:
        return [];
    }
  });
}

/**
 * Notifications and webhooks become outbox rows in the transition's transaction, so they leave
 * only if the state change commits, and they leave after it (the outbox dispatcher). Related
 * records are created earlier, before the state update (create-related-records).
 */
export async function applyOutsideEffects(trx: Knex.Transaction, effects: WorkflowEffect[], info: TransitionInfo, record: Record<string, unknown>): Promise<void> {
  const rows = outboxRows(effects, info, record);
  if (rows.length > 0) await trx('tessera.outbox').insert(rows.map(({ kind, payload }) => ({ kind, payload: JSON.stringify(payload) })));
}
