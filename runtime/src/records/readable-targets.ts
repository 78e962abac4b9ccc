import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { validationFailed, type ErrorDetail } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { scopeRestriction } from '../permissions/record-access';
import { userPermissions } from '../permissions/user-permissions';
import { recordScope } from './record-scope';

/** The message of a relation to a record that does not exist: word for word the database's (pg-error-to-http-error). */
export const MISSING_TARGET = 'the referenced record does not exist';

const idsOf = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

/**
 * Relations are reads: a write may only point at records the writer can see. One query per
 * relation field in `data` (the target's scope and soft-delete filter); a target that is
 * missing and one that is out of scope get the same 422, so ids of others' records reveal nothing.
 * Where the writer reads every live target anyway, the foreign key answers for a missing one.
 */
export async function assertReadableTargets(knex: Knex, user: AuthUser, state: AppState, entity: CompiledEntity, data: Record<string, unknown>): Promise<void> {
  const errors: ErrorDetail[] = [];
  const perms = userPermissions(state, user);
  for (const [name, value] of Object.entries(data)) {
    const relation = entity.entity.properties[name]?.['x-relation'];
    if (!relation || relation.kind === 'one-to-many' || value === null || value === undefined) continue;
    const ids = [...new Set(idsOf(value).map((id) => id.toLowerCase()))];
    if (ids.length === 0) continue;
    const target = [...state.byPlural.values()].find((e) => e.entity['x-name'] === relation.entity);
    if (!target) continue;
    const access = perms.resolved.entity(relation.entity);
    // A writer who reads every target record gets the foreign key's own answer (the same 422), without a query.
    if (access.scope === 'all' && access.actions.has('read') && !target.entity['x-soft-delete'] && relation.kind === 'many-to-one') continue;
    const found: { id: string }[] = await knex
      .withSchema(target.schema)
      .table(target.table)
      .whereIn('id', ids)
      .modify(recordScope(target))
      .modify(scopeRestriction(access, user, target.table, 'read', Boolean(target.entity['x-pool'])))
      .select('id');
    if (found.length < ids.length) errors.push({ field: name, rule: 'relation', message: MISSING_TARGET });
  }
  if (errors.length > 0) throw validationFailed(errors);
}
