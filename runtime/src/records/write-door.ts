import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess, type RecordAccess } from '../permissions/record-access';
import { validateWritable } from '../permissions/validate-writable';
import { assertUnlocked } from '../locks/record-lock';
import { assertReadableTargets } from './readable-targets';

/**
 * The front half of every write a user makes — the API's create and update, bulk items and
 * plugins' `records` — in one place: the grant (403), the body as this user may write it
 * (hidden fields unknown, read-only fields refused, the entity's validator), and relation
 * ids the user can read (422). The back half is createRecord/updateRecord (hooks, rules, the
 * statement, links, files, audit); the answer leaves through `access.strip`.
 * An update names its record (`id`): fields its workflow state locks for this user are refused
 * (409 `record_locked`, see locks/record-lock).
 * Workflow effects are the system's writes on the actor's behalf and validate without this.
 */
export async function admitWrite(db: Knex | Knex.Transaction, state: AppState, user: AuthUser, entity: CompiledEntity, action: 'create' | 'update', body: unknown, access?: RecordAccess, id?: string): Promise<{ access: RecordAccess; data: Record<string, unknown> }> {
  const ra = access ?? recordAccess(user, state, entity, action);
  const data = validateWritable(ra, body, action);
  await assertReadableTargets(db, user, state, entity, data);
  if (action === 'update' && id !== undefined) await assertUnlocked(db, state, entity, user, id, data, ra);
  return { access: ra, data };
}
