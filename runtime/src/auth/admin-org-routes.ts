import type { Knex } from 'knex';
import { writeAudit } from '../audit/write-audit';
import { pgErrorToHttpError } from '../db/pg-error-to-http-error';
import { notFound, validationFailed, type ErrorDetail } from '../errors/http-error';
import type { AppContext, AppMiddleware } from '../http/http-types';
import type { AuthDeps } from './auth-deps';
import { readJsonObject, unknownKeys } from './read-json-object';
import { isUuid } from './validate-user-input';

const TEAM_ROUTE = /^\/api\/admin\/teams\/([^/]+)$/;
const MEMBERS_ROUTE = /^\/api\/admin\/teams\/([^/]+)\/members(?:\/([^/]+))?$/;
const FIELD_OF: Record<string, string> = { parent_id: 'parentId', department_id: 'departmentId', user_id: 'userId', name: 'name' };

interface OrgInput {
  name?: unknown;
  parentId?: unknown;
  departmentId?: unknown;
}

function orgProblems(body: OrgInput, refKey: 'parentId' | 'departmentId'): ErrorDetail[] {
  const problems = unknownKeys(body as Record<string, unknown>, ['name', refKey]);
  if (typeof body.name !== 'string' || !body.name.trim() || body.name.length > 200) problems.push({ field: 'name', rule: 'required', message: 'a name of 1–200 characters' });
  const ref = body[refKey];
  if (ref !== undefined && ref !== null && (typeof ref !== 'string' || !isUuid(ref))) problems.push({ field: refKey, rule: 'format', message: 'an id (uuid) or null' });
  return problems;
}

async function dbWrite<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw pgErrorToHttpError(err, 'write', (column) => FIELD_OF[column] ?? column) ?? err;
  }
}

/**
 * The org tree: departments (each with an optional parent) and teams with members; a team can
 * be deleted (`deleteTeam`). Data scope ("department and below", "team") is computed from these tables.
 */
export function adminOrgRoutes(deps: AuthDeps): AppMiddleware {
  const db = (table: string) => deps.knex.withSchema('tessera').table(table);
  return async (ctx, next) => {
    const route = `${ctx.method} ${ctx.path}`;
    if (route === 'GET /api/admin/departments') {
      ctx.body = { data: (await db('departments').select('id', 'name', 'parent_id').orderBy('name')).map((d) => ({ id: d.id, name: d.name, parentId: d.parent_id })) };
      return;
    }
    if (route === 'POST /api/admin/departments') {
      const body = readJsonObject(ctx) as OrgInput;
      const problems = orgProblems(body, 'parentId');
      if (problems.length) throw validationFailed(problems);
      const [row] = await dbWrite(() => db('departments').insert({ name: (body.name as string).trim(), parent_id: body.parentId ?? null }).returning(['id', 'name', 'parent_id']));
      ctx.status = 201;
      ctx.body = { data: { id: row.id, name: row.name, parentId: row.parent_id } };
      return;
    }
    if (route === 'GET /api/admin/teams') {
      ctx.body = { data: await listTeams(deps.knex) };
      return;
    }
    if (route === 'POST /api/admin/teams') {
      const body = readJsonObject(ctx) as OrgInput;
      const problems = orgProblems(body, 'departmentId');
      if (problems.length) throw validationFailed(problems);
      const [row] = await dbWrite(() => db('teams').insert({ name: (body.name as string).trim(), department_id: body.departmentId ?? null }).returning(['id', 'name', 'department_id']));
      ctx.status = 201;
      ctx.body = { data: { id: row.id, name: row.name, departmentId: row.department_id, members: [] } };
      return;
    }
    const team = TEAM_ROUTE.exec(ctx.path);
    if (team && ctx.method === 'DELETE') {
      await deleteTeam(ctx, deps.knex, team[1]);
      return;
    }
    const match = MEMBERS_ROUTE.exec(ctx.path);
    if (!match) return next();
    const [, teamId, userId] = match;
    if (!isUuid(teamId) || !(await db('teams').where({ id: teamId }).first())) throw notFound(`No team with id "${teamId}"`);
    if (ctx.method === 'POST' && userId === undefined) {
      const body = readJsonObject(ctx);
      const problems = unknownKeys(body, ['userId', 'isLead']);
      if (typeof body.userId !== 'string' || !isUuid(body.userId)) problems.push({ field: 'userId', rule: 'format', message: 'a user id (uuid)' });
      if (body.isLead !== undefined && typeof body.isLead !== 'boolean') problems.push({ field: 'isLead', rule: 'type', message: 'true or false' });
      if (problems.length) throw validationFailed(problems);
      await dbWrite(() =>
        db('team_members').insert({ team_id: teamId, user_id: body.userId, is_lead: body.isLead ?? false }).onConflict(['team_id', 'user_id']).merge(['is_lead']),
      );
      ctx.status = 201;
      ctx.body = { data: (await listTeams(deps.knex)).find((t) => t.id === teamId) };
      return;
    }
    if (ctx.method === 'DELETE' && userId !== undefined) {
      const removed = isUuid(userId) ? await db('team_members').where({ team_id: teamId, user_id: userId }).delete().returning('user_id') : [];
      if (removed.length === 0) throw notFound(`User "${userId}" is not a member of this team`);
      ctx.status = 204;
      return;
    }
    return next();
  };
}

/**
 * `DELETE /api/admin/teams/{id}` → 204. The team's memberships and the record shares made to
 * it go with it (both foreign keys are `on delete cascade`), in one transaction with an audit
 * entry that says what went: the members and how many shares, since neither can be read back.
 */
async function deleteTeam(ctx: AppContext, knex: Knex, rawId: string): Promise<void> {
  const id = isUuid(rawId) ? rawId.toLowerCase() : undefined;
  await knex.transaction(async (trx) => {
    const tessera = (table: string) => trx.withSchema('tessera').table(table);
    // Locked first: a share or membership added meanwhile waits for the delete, then fails its foreign key.
    const row = id ? await tessera('teams').where({ id }).forUpdate().first('id', 'name', 'department_id') : undefined;
    if (!row) throw notFound(`No team with id "${rawId}"`);
    const members = await tessera('team_members').where({ team_id: id }).orderBy('user_id').select('user_id', 'is_lead');
    const [{ shares }] = await tessera('record_shares').where({ team_id: id }).count({ shares: '*' });
    await tessera('teams').where({ id }).delete();
    await writeAudit(trx, {
      actorId: ctx.state.user!.id,
      requestId: ctx.state.requestId,
      action: 'team.delete',
      meta: { team: id, name: row.name, departmentId: row.department_id, members: members.map((m) => ({ userId: m.user_id, isLead: m.is_lead })), shares: Number(shares) },
    });
  });
  ctx.status = 204;
}

export async function listTeams(knex: Knex) {
  const teams = await knex.withSchema('tessera').table('teams').select('id', 'name', 'department_id').orderBy('name');
  const members = await knex.withSchema('tessera').table('team_members').select('team_id', 'user_id', 'is_lead');
  return teams.map((t) => ({
    id: t.id as string,
    name: t.name as string,
    departmentId: t.department_id as string | null,
    members: members.filter((m) => m.team_id === t.id).map((m) => ({ userId: m.user_id as string, isLead: m.is_lead as boolean })),
  }));
}
