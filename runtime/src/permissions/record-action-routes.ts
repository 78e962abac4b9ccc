import type { Knex } from 'knex';
import { setAuditContext } from '../audit/set-audit-context';
import { writeAudit } from '../audit/write-audit';
import { notFound, validationFailed } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { transferProblem } from '../transfer/transfer-messages';
import { isActiveUser, transferRecord } from '../transfer/transfer-record';
import { recordScope } from '../records/record-scope';
import { rowToRecord } from '../records/row-to-record';
import type { RecordAccess } from './record-access';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function unknownKeys(body: Record<string, unknown>, allowed: string[]) {
  return Object.keys(body).filter((k) => !allowed.includes(k)).map((field) => ({ field, rule: 'unknown-field', message: `Unknown field "${field}"` }));
}

/**
 * `POST /api/{plural}/{id}/transfer { owner }` (action `transfer`): hands a record to another
 * active user, with its own audit action; `POST /api/{plural}/{id}/shares { user | team, access }`
 * (action `share`) and `GET …/shares`. The record must be in the caller's write scope, else 404.
 */
export function recordActionRoutes(knex: Knex): RouteDeclaration[] {
  const missingOf = (entity: CompiledEntity, id: string) => notFound(`No ${entity.entity['x-name']} with id "${id}"`);
  return defineRoutes([
    { method: 'POST', path: '/api/:plural/:id/transfer', action: 'transfer', entity: true, record: 'write', returns: 'records', summary: 'Hand a record (and the related records its relations say follow it) to another user', handler: (ctx, { state, entity, id, access }) => transfer(ctx, knex, state, entity, id, access, missingOf(entity, id)) },
    { method: 'GET', path: '/api/:plural/:id/shares', action: 'read', entity: true, record: 'read', summary: "Who a record is shared with", handler: (ctx, { entity, id }) => listShares(ctx, knex, entity, id) },
    { method: 'POST', path: '/api/:plural/:id/shares', action: 'share', entity: true, record: 'write', summary: 'Share a record with a user or team', handler: (ctx, { entity, id, access }) => share(ctx, knex, entity, id, access, missingOf(entity, id)) },
  ]);
}

/**
 * The record and, in the same transaction, the children its relations say follow it
 * (`x-relation.onTransfer`, transfer/transfer-children): all move or none do.
 */
async function transfer(ctx: AppContext, knex: Knex, state: AppState, entity: CompiledEntity, id: string, ra: RecordAccess, missing: Error): Promise<void> {
  const body = isObject(ctx.request.body) ? ctx.request.body : {};
  const problems = unknownKeys(body, ['owner']);
  const { row, moved } = await knex.transaction(async (trx) => {
    if (!(await isActiveUser(trx, body.owner))) problems.push(transferProblem('owner', 'invalid-value', 'ownerNotActive'));
    if (problems.length > 0) throw validationFailed(problems);
    await setAuditContext(trx, { actorId: ctx.state.user!.id, requestId: ctx.state.requestId, action: 'transfer' });
    const done = await transferRecord(trx, state, entity, id, body.owner as string, (q) => ra.restrict(q, entity.table, 'write'));
    if (!done) throw missing;
    return done;
  });
  ctx.body = { data: rowToRecord(row, entity), moved };
}

/** The record, if it is in the caller's scope (`mode`). */
async function scopedExists(trx: Knex | Knex.Transaction, entity: CompiledEntity, id: string, restrict: (qb: Knex.QueryBuilder) => void): Promise<boolean> {
  return Boolean(await trx.withSchema(entity.schema).table(entity.table).where({ id }).modify(recordScope(entity)).modify(restrict).first('id'));
}

async function share(ctx: AppContext, knex: Knex, entity: CompiledEntity, id: string, ra: RecordAccess, missing: Error): Promise<void> {
  const body = isObject(ctx.request.body) ? ctx.request.body : {};
  const problems = unknownKeys(body, ['user', 'team', 'access']);
  if ((body.user === undefined) === (body.team === undefined)) problems.push({ field: 'user', rule: 'required', message: 'give exactly one of user or team' });
  if (body.access !== 'read' && body.access !== 'edit') problems.push({ field: 'access', rule: 'enum', message: 'must be read or edit' });
  const created = await knex.transaction(async (trx) => {
    if (!(await scopedExists(trx, entity, id, (qb) => ra.restrict(qb, entity.table, 'write')))) throw missing;
    if (body.user !== undefined && !(await isActiveUser(trx, body.user))) problems.push({ field: 'user', rule: 'invalid-value', message: 'must be the id of an active user' });
    if (body.team !== undefined && !(typeof body.team === 'string' && UUID.test(body.team) && (await trx.withSchema('tessera').table('teams').where({ id: body.team }).first('id')))) {
      problems.push({ field: 'team', rule: 'invalid-value', message: 'must be the id of a team' });
    }
    if (problems.length > 0) throw validationFailed(problems);
    const target = body.user !== undefined ? { user_id: (body.user as string).toLowerCase() } : { team_id: (body.team as string).toLowerCase() };
    const conflict = body.user !== undefined ? '(entity, record_id, user_id) where user_id is not null' : '(entity, record_id, team_id) where team_id is not null';
    const { rows } = await trx.raw(
      `insert into tessera.record_shares (entity, record_id, ${Object.keys(target)[0]}, access, created_by) values (?, ?, ?, ?, ?)
       on conflict ${conflict} do update set access = excluded.access returning id, user_id, team_id, access, created_at`,
      [entity.entity['x-name'], id, Object.values(target)[0], body.access, ctx.state.user!.id],
    );
    await writeAudit(trx, { actorId: ctx.state.user!.id, requestId: ctx.state.requestId, action: 'share', entity: entity.entity['x-name'], recordId: id, meta: { ...target, access: body.access } });
    return rows[0];
  });
  ctx.status = 201;
  ctx.body = { data: created };
}

async function listShares(ctx: AppContext, knex: Knex, entity: CompiledEntity, id: string): Promise<void> {
  const rows = await knex.withSchema('tessera').table('record_shares').where({ entity: entity.entity['x-name'], record_id: id }).orderBy('created_at').select('id', 'user_id', 'team_id', 'access', 'created_at');
  ctx.body = { data: rows };
}
