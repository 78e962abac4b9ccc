import type { PoolDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import { setAuditContext } from '../audit/set-audit-context';
import { forbidden } from '../auth/authorize';
import { HttpError, notFound } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';
import { recordScope } from '../records/record-scope';
import { rowToRecord } from '../records/row-to-record';
import { poolOf } from './pool-access';


/**
 * `POST /api/{plural}/{id}/claim` (action `claim`): the record becomes the caller's if it is
 * still in the pool; `POST …/release` (the owner, or anyone who may `transfer` it in their
 * write scope — a manager) puts it back. Both lock the row, so of two claimers one wins and
 * the other gets 409; both are audited as their own action by the entity's audit trigger.
 */
const hasPool = (entity: CompiledEntity) => entity.entity['x-pool'] !== undefined;

export function poolRoutes(knex: Knex): RouteDeclaration[] {
  const missingOf = (entity: CompiledEntity, id: string) => notFound(`No ${entity.entity['x-name']} with id "${id}"`);
  return defineRoutes([
    {
      method: 'POST', path: '/api/:plural/:id/claim', action: 'claim', entity: true, record: 'pool', appliesTo: hasPool, returns: 'records', summary: 'Claim a record from the public pool',
      async handler(ctx, { state, entity, id }) {
        poolOf(entity);
        ctx.body = { data: rowToRecord(await knex.transaction((trx) => claim(trx, ctx, state, entity, id, missingOf(entity, id))), entity) };
      },
    },
    {
      method: 'POST', path: '/api/:plural/:id/release', action: ['claim', 'transfer'], entity: true, record: 'read', appliesTo: hasPool, returns: 'records', summary: 'Put a record back into the public pool (its owner, or a manager who may transfer it)',
      async handler(ctx, { state, entity, id }) {
        poolOf(entity);
        ctx.body = { data: rowToRecord(await knex.transaction((trx) => release(trx, ctx, state, entity, id, missingOf(entity, id))), entity) };
      },
    },
  ]);
}

type Row = Record<string, unknown>;

/** The live row, locked for the rest of the transaction. */
const lockRow = (trx: Knex.Transaction, entity: CompiledEntity, id: string): Promise<Row | undefined> =>
  trx.withSchema(entity.schema).table(entity.table).where({ id }).modify(recordScope(entity)).forUpdate().first();

async function claim(trx: Knex.Transaction, ctx: AppContext, state: AppState, entity: CompiledEntity, id: string, missing: Error): Promise<Row> {
  const me = ctx.state.user!.id;
  const pool = poolOf(entity);
  const ra = recordAccess(ctx.state.user!, state, entity, 'claim');
  // One claimer per (entity, user) at a time: two parallel claims cannot both pass the limit.
  await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`pool:${entity.entity['x-name']}:${me}`]);
  const row = await lockRow(trx, entity, id);
  if (!row) throw missing;
  if (row.owner !== null) {
    // Taken meanwhile (or already mine): a conflict — but only if the caller may see it; else it is a missing id (no oracle).
    const visible = await trx.withSchema(entity.schema).table(entity.table).where({ id }).modify((qb) => ra.restrict(qb, entity.table, 'read')).first('id');
    if (!visible) throw missing;
    throw new HttpError(409, 'not_in_pool', `This ${entity.entity['x-name']} is no longer in the pool`);
  }
  await assertUnderClaimLimit(trx, entity, pool, me);
  await setAuditContext(trx, { actorId: me, requestId: ctx.state.requestId, action: 'claim' });
  await trx('tessera.pool_claims').insert({ entity: entity.entity['x-name'], record_id: id, user_id: me });
  // A claim counts as a follow-up, else a long-idle record would return on the next sweep.
  const activity = pool.activityField ? { [entity.fieldsByName.get(pool.activityField)?.column ?? pool.activityField]: trx.fn.now() } : {};
  const [updated] = await trx.withSchema(entity.schema).table(entity.table).where({ id }).update({ owner: me, ...activity, version: trx.raw('?? + 1', ['version']), updated_at: trx.fn.now() }).returning('*');
  return updated;
}

/**
 * The claim limit: with `claimPeriodDays`, the user's claims of the entity in that period (an
 * index range on pool_claims); without it, the records of the entity they own.
 */
async function assertUnderClaimLimit(trx: Knex.Transaction, entity: CompiledEntity, pool: PoolDefinition, me: string): Promise<void> {
  const plural = (entity.entity['x-label-plural']?.en ?? entity.entity['x-plural']).toLowerCase();
  if (pool.claimPeriodDays) {
    const [{ n }] = await trx('tessera.pool_claims').where({ entity: entity.entity['x-name'], user_id: me }).where('claimed_at', '>=', trx.raw("now() - make_interval(days => ?)", [pool.claimPeriodDays])).count({ n: '*' });
    if (Number(n) >= pool.maxClaimsPerUser) {
      throw new HttpError(409, 'claim_limit_reached', `You have claimed ${n} ${plural} in the last ${pool.claimPeriodDays} days; the limit is ${pool.maxClaimsPerUser}`);
    }
    return;
  }
  const [{ n }] = await trx.withSchema(entity.schema).table(entity.table).where({ owner: me }).modify(recordScope(entity)).count({ n: '*' });
  if (Number(n) >= pool.maxClaimsPerUser) {
    throw new HttpError(409, 'claim_limit_reached', `You already own ${n} ${entity.entity['x-plural']}; the limit for claiming from the pool is ${pool.maxClaimsPerUser}`);
  }
}

async function release(trx: Knex.Transaction, ctx: AppContext, state: AppState, entity: CompiledEntity, id: string, missing: Error): Promise<Row> {
  const user = ctx.state.user!;
  const ra = recordAccess(user, state, entity, 'read');
  const found = await trx.withSchema(entity.schema).table(entity.table).where({ id }).modify(recordScope(entity)).modify((qb) => ra.restrict(qb, entity.table, 'read')).forUpdate().first('id', 'owner');
  if (!found) throw missing;
  if (found.owner === null) throw new HttpError(409, 'not_in_pool', `This ${entity.entity['x-name']} is already in the pool`);
  if (found.owner !== user.id) {
    // Not the owner: a manager, i.e. someone who may transfer the record within their write scope.
    const manager = ra.permissions.resolved.entity(entity.entity['x-name']).actions.has('transfer');
    const inWriteScope = manager && (await trx.withSchema(entity.schema).table(entity.table).where({ id }).modify((qb) => ra.restrict(qb, entity.table, 'write')).first('id'));
    if (!inWriteScope) throw forbidden(`Only the owner or a manager may release this ${entity.entity['x-name']}`);
  }
  await setAuditContext(trx, { actorId: user.id, requestId: ctx.state.requestId, action: 'release' });
  const [updated] = await trx.withSchema(entity.schema).table(entity.table).where({ id }).update({ owner: null, version: trx.raw('?? + 1', ['version']), updated_at: trx.fn.now() }).returning('*');
  return updated;
}
