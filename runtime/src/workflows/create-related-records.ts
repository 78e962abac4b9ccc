import type { WorkflowEffect } from '@tessera/engine';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { HttpError, validationFailed, type ErrorDetail } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { createRecord } from '../records/create-record';
import { recordToRow } from '../records/row-to-record';

type CreateEffect = Extract<WorkflowEffect, { kind: 'create-record' }>;

export interface RelatedRecordsInfo {
  entity: CompiledEntity;
  recordId: string;
  actor: string | null;
  /** The transition record's owner (after its own changes): owns what a timer creates. */
  owner(): Promise<string | null>;
}

const isCreated = (v: unknown): v is { $created: string } => typeof v === 'object' && v !== null && typeof (v as { $created?: unknown }).$created === 'string';

/** A write error of a created record names `entity.field`, so the user sees which record failed. */
function prefixed(err: unknown, entity: string): unknown {
  if (!(err instanceof HttpError) || !err.details) return err;
  const details = (err.details as ErrorDetail[]).map((d) => ({ ...d, field: d.field ? `${entity}.${d.field}` : entity }));
  return new HttpError(err.status, err.code, details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
}

/**
 * Carries out a transition's create-record effects, in order, inside its transaction and BEFORE
 * its state update: each record is validated like an API create (422 naming `entity.field`),
 * inserted through the same write function (links, database errors), owned by the actor (the
 * record's owner for a timer) and audited by the entity's trigger under the transaction's audit
 * context. `{ $created: alias }` values become the ids of records created earlier here.
 * Returns the column changes of the transition's record (its `backLink` fields), to merge into
 * the state update — one update, one version.
 */
export async function createRelatedRecords(trx: Knex.Transaction, state: AppState, effects: WorkflowEffect[], info: RelatedRecordsInfo): Promise<Record<string, unknown>> {
  const creates = effects.filter((e): e is CreateEffect => e.kind === 'create-record');
  if (creates.length === 0) return {};
  const owner = info.actor ?? (await info.owner());
  const user: AuthUser = { id: owner as string, username: '', email: null, displayName: '', roles: [], departmentId: null, managerId: null };
  const aliases = new Map<string, string>();
  const back: Record<string, unknown> = {};
  for (const effect of creates) {
    const target = [...state.byPlural.values()].find((e) => e.entity['x-name'] === effect.entity);
    if (!target) throw new HttpError(409, 'workflow_entity_missing', `createRecord: there is no entity "${effect.entity}" in the published app`);
    const input: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(effect.values)) {
      if (!isCreated(value)) input[field] = value;
      else if (aliases.has(value.$created)) input[field] = aliases.get(value.$created);
      else throw new Error(`createRecord: "${value.$created}" was not created earlier in this transition`); // publish prevents it
    }
    if (effect.link) input[effect.link] = info.recordId;
    const checked = target.validate(input, 'create');
    if (!checked.ok) throw validationFailed(checked.errors.map(({ field, rule, message }) => ({ field: `${effect.entity}.${field}`, rule, message })));
    let row;
    try {
      row = await createRecord({ trx, entity: target, user }, checked.value);
    } catch (err) {
      throw prefixed(err, effect.entity);
    }
    if (effect.as) aliases.set(effect.as, row.id as string);
    if (effect.backLink) Object.assign(back, recordToRow({ [effect.backLink]: row.id }, info.entity));
  }
  return back;
}
