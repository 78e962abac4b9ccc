import type { WorkflowDefinition, WorkflowStateLock } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { HttpError } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import type { RecordAccess } from '../permissions/record-access';
import { rowToRecord } from '../records/row-to-record';
import { workflowDefinitionsOf } from '../workflows/entity-workflow-definitions';

/** A lock in force on one record for one user: the state that holds it and what it covers. */
export interface RecordLock {
  /** The workflow state name and its label (the state field's option label, in English and Chinese). */
  state: string;
  label: { en: string; zh?: string };
  /** `*`: the whole record; else the named fields. */
  fields: '*' | string[];
}

/** Whether any state of the entity's workflows declares a lock (else no write pays for a read). */
export function entityHasLocks(state: AppState, entity: CompiledEntity): boolean {
  return lockableFields(state, entity) !== undefined;
}

type Lockable = '*' | ReadonlySet<string> | null;
const lockable = new WeakMap<AppState['app'], Map<string, Lockable>>();

/** The fields some state of the entity's workflows locks (`*`: a whole record), or undefined when none does; once per published app. */
function lockableFields(state: AppState, entity: CompiledEntity): '*' | ReadonlySet<string> | undefined {
  const name = entity.entity['x-name'];
  let byEntity = lockable.get(state.app);
  if (!byEntity) lockable.set(state.app, (byEntity = new Map()));
  let fields = byEntity.get(name);
  if (fields === undefined) {
    const locks = workflowDefinitionsOf(state.app, name).all.flatMap((w) => Object.values(w.machine.states).flatMap((s) => (s.lock ? [s.lock] : [])));
    fields = locks.length === 0 ? null : locks.some((l) => l.fields === '*') ? '*' : new Set(locks.flatMap((l) => l.fields as string[]));
    byEntity.set(name, fields);
  }
  return fields ?? undefined;
}

/** Whether an update of `changed` could meet a lock: else it needs no read of the record's state. */
export function updateMayMeetLock(state: AppState, entity: CompiledEntity, changed: readonly string[]): boolean {
  const fields = lockableFields(state, entity);
  return fields === '*' || (fields !== undefined && changed.some((f) => fields.has(f)));
}

/**
 * The lock the record's current state puts on `user`, or undefined: none declared, or the user
 * holds one of the `except` roles. Pure: the record is already read.
 */
export function lockFor(state: AppState, entity: CompiledEntity, user: Pick<AuthUser, 'roles'>, record: Record<string, unknown>): RecordLock | undefined {
  const workflow: WorkflowDefinition | undefined = workflowDefinitionsOf(state.app, entity.entity['x-name']).forRecord(record);
  if (!workflow) return undefined;
  const current = record[workflow.stateField];
  if (typeof current !== 'string') return undefined;
  const lock: WorkflowStateLock | undefined = workflow.machine.states[current]?.lock;
  if (!lock || (lock.except ?? []).some((role) => user.roles.includes(role))) return undefined;
  const option = entity.entity.properties[workflow.stateField]?.['x-options']?.find((o) => o.value === current);
  const label = workflow.machine.states[current]?.label ?? option?.label ?? { en: current };
  return { state: current, label: { en: label.en ?? current, ...(label.zh ? { zh: label.zh } : {}) }, fields: lock.fields };
}

/**
 * The stored record (fields as the API knows them), or undefined when there is none — or, with
 * `access`, when it is outside the user's write scope: a lock must never tell someone about a
 * record they cannot change (the write itself answers 404).
 */
async function storedRecord(db: Knex | Knex.Transaction, entity: CompiledEntity, id: string, access?: Pick<RecordAccess, 'restrict'>): Promise<Record<string, unknown> | undefined> {
  const row = await db.withSchema(entity.schema).table(entity.table).where({ id }).modify((qb) => access?.restrict(qb, entity.table, 'write')).first();
  return row ? rowToRecord(row, entity) : undefined;
}

/** The lock on one stored record for `user` (one read, only for entities whose workflow locks anything). */
export async function recordLock(db: Knex | Knex.Transaction, state: AppState, entity: CompiledEntity, user: Pick<AuthUser, 'roles'>, id: string): Promise<RecordLock | undefined> {
  if (!entityHasLocks(state, entity)) return undefined;
  const record = await storedRecord(db, entity, id);
  return record ? lockFor(state, entity, user, record) : undefined;
}

/** Same value as stored: a form that sends back an unchanged locked field is not refused for it. */
function same(a: unknown, b: unknown): boolean {
  if (JSON.stringify(a ?? null) === JSON.stringify(b ?? null)) return true;
  if ((typeof a === 'number' || typeof b === 'number') && a !== null && b !== null && a !== '' && b !== '') return Number(a) === Number(b);
  if (typeof a === 'string' && typeof b === 'string') {
    const [da, db] = [Date.parse(a), Date.parse(b)];
    return !Number.isNaN(da) && da === db && /\d{4}-\d{2}-\d{2}/.test(a);
  }
  return false;
}

/**
 * Refuses (409 `record_locked`) an update of `id` that would change a field its workflow state
 * locks for this user; each locked field changed is a detail in the user's words naming the
 * state. Missing records, and records outside the user's write scope, pass: the write itself answers 404.
 */
export async function assertUnlocked(db: Knex | Knex.Transaction, state: AppState, entity: CompiledEntity, user: Pick<AuthUser, 'roles'>, id: string, data: Record<string, unknown>, access: Pick<RecordAccess, 'restrict'>): Promise<void> {
  if (!updateMayMeetLock(state, entity, Object.keys(data))) return;
  const record = await storedRecord(db, entity, id, access);
  const lock = record && lockFor(state, entity, user, record);
  if (!lock || !record) return;
  const changed = Object.keys(data).filter((f) => (lock.fields === '*' || lock.fields.includes(f)) && !same(data[f], record[f]));
  if (changed.length === 0) return;
  const name = entity.entity['x-label']?.en ?? entity.entity['x-name'];
  const labelOf = (f: string) => entity.entity.properties[f]?.['x-label']?.en ?? f;
  const what = lock.fields === '*' ? 'it cannot be changed' : `${changed.map(labelOf).join(', ')} cannot be changed`;
  throw new HttpError(409, 'record_locked', `This ${name.toLowerCase()} is locked while it is "${lock.label.en}": ${what}`, changed.map((field) => ({ field, rule: 'locked', message: `is locked while the ${name.toLowerCase()} is "${lock.label.en}"` })));
}
