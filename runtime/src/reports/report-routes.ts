import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { HttpError, validationFailed, type ErrorDetail } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import { defineRoutes, type RouteArgs, type RouteDeclaration } from '../http/route-types';
import type { AppState } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';
import { entityNamed } from '../views/validate-saved-view';
import { config } from '../config';
import { reportExportRoute } from './report-export-route';
import { reportJson } from './report-json';
import { pinRoutes } from './pin-routes';
import { ownReport, visibleReport, visibleTo, type VisibleReport } from './report-queries';
import { checkSharing } from './report-sharing';
import type { ReportRow } from './report-types';
import { runReport } from './run-report';
import { teammatesRoute } from './teammates-route';
import { checkDefinition, checkLabel, checkName, parseReport } from './validate-report';

/** Enough for anyone's habits, small enough that a runaway client cannot fill the table. */
const MAX_REPORTS_PER_USER = 200;
const FIELDS = ['name', 'label', 'entity', 'groups', 'measures', 'filter', 'range', 'chart', 'sharedWith'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';
const duplicateName = () => new HttpError(409, 'conflict', 'name: you already have a report with this name', [{ field: 'name', rule: 'unique', message: 'you already have a report with this name' }]);

function readBody(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw validationFailed([{ field: '', rule: 'type', message: 'must be a JSON object' }]);
  const errors: ErrorDetail[] = [];
  for (const key of Object.keys(body)) if (!FIELDS.includes(key)) errors.push({ field: key, rule: 'unknown-field', message: `is not part of a report; use ${FIELDS.join(', ')}` });
  if (errors.length) throw validationFailed(errors);
  return body;
}

async function list(ctx: AppContext, knex: Knex, state: AppState): Promise<void> {
  const user = ctx.state.user!;
  const rows: VisibleReport[] = await visibleTo(knex, user).orderBy([{ column: 'r.label' }, { column: 'r.id' }]).limit(1000);
  // Someone else's report over an entity I cannot read is not mine to see.
  const readable = (name: string) => {
    const entity = entityNamed(state, name);
    if (!entity) return false;
    try { recordAccess(user, state, entity, 'read'); return true; } catch { return false; }
  };
  ctx.body = { data: rows.filter((r) => r.user_id === user.id || readable(r.entity)).map((r) => reportJson(r, user.id)) };
}

/** The checked columns of a report from a body; `base` is the stored report on an update. */
async function checkedRow(knex: Knex, state: AppState, user: AuthUser, body: Record<string, unknown>, base?: ReportRow) {
  const errors: ErrorDetail[] = [];
  const entityName = base ? base.entity : body.entity;
  if (base && body.entity !== undefined && body.entity !== base.entity) errors.push({ field: 'entity', rule: 'immutable', message: 'cannot change; save a new report instead' });
  const entity = entityNamed(state, entityName);
  if (!entity) errors.push({ field: 'entity', rule: entityName === undefined ? 'required' : 'enum', message: 'must be one of the app\'s record types' });
  const label = body.label !== undefined || !base ? checkLabel(body.label, errors) : base.label;
  const name = body.name !== undefined ? checkName(body.name, errors) : base ? base.name : `r-${randomBytes(5).toString('hex')}`;
  const definition = checkDefinition({ ...(base?.definition ?? {}), ...body }, errors);
  if (entity && definition) {
    // 403 when the owner may not read the entity; the question is checked as they know it.
    const parsed = parseReport(state, entity, user, definition, config().TESSERA_JOBS_TZ);
    if (!parsed.ok) errors.push(...parsed.errors);
  }
  const sharing = body.sharedWith !== undefined || !base ? await checkSharing(knex, state, entity, user, body.sharedWith, errors) : { roles: base.shared_roles, users: base.shared_users };
  if (errors.length || !entity || !definition || !label || !name || !sharing) throw validationFailed(errors);
  return { name, label, entity: entity.entity['x-name'], definition: JSON.stringify(definition), shared_roles: sharing.roles, shared_users: sharing.users };
}

async function create(ctx: AppContext, knex: Knex, state: AppState): Promise<void> {
  const user = ctx.state.user!;
  const row = await checkedRow(knex, state, user, readBody(ctx.request.body));
  const [{ count }] = await knex('tessera.saved_reports').where({ user_id: user.id }).count<{ count: string | number }[]>('* as count');
  if (Number(count) >= MAX_REPORTS_PER_USER) throw validationFailed([{ field: 'name', rule: 'limit', message: `you have ${MAX_REPORTS_PER_USER} reports already; delete one first` }]);
  try {
    const [saved] = await knex('tessera.saved_reports').insert({ ...row, user_id: user.id }).returning('*');
    ctx.status = 201;
    ctx.body = { data: reportJson(saved, user.id) };
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateName() : err;
  }
}

async function update(ctx: AppContext, knex: Knex, state: AppState, id: string): Promise<void> {
  const user = ctx.state.user!;
  const base = await ownReport(knex, user, id);
  const row = await checkedRow(knex, state, user, readBody(ctx.request.body), base);
  try {
    await knex('tessera.saved_reports').where({ id: base.id, user_id: user.id }).update({ ...row, updated_at: knex.fn.now() });
    ctx.body = { data: reportJson(await visibleReport(knex, user, base.id), user.id) };
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateName() : err;
  }
}

async function run(ctx: AppContext, knex: Knex, state: AppState, id: string): Promise<void> {
  const user = ctx.state.user!;
  const row = await visibleReport(knex, user, id);
  const entity = entityNamed(state, row.entity);
  if (!entity) throw new HttpError(400, 'report_not_runnable', 'This report is about records the app no longer has', [{ field: 'entity', rule: 'enum', message: 'is no longer in the app' }]);
  ctx.body = { report: reportJson(row, user.id), data: await runReport(knex, state, entity, user, row.definition) };
}

/**
 * Saved reports (issue 21): `GET /api/_reports` (mine and shared with me), `POST`, `PATCH` and
 * `DELETE /api/_reports/{id}` (mine only), `GET /api/_reports/{id}/run` — the aggregate as the
 * VIEWER, so a shared report shows each viewer the records they may read (ADR 0049);
 * `GET /api/_reports/teammates` for "my team" filters; its export as a file and pinning it to
 * the dashboard (ADR 0054). Schedules are the scheduler's routes (report-scheduler.ts).
 */
export function reportRoutes(knex: Knex): RouteDeclaration[] {
  return defineRoutes([
    teammatesRoute(knex),
    { method: 'GET', path: '/api/_reports', action: 'signed-in', summary: 'Your saved reports and those shared with you', handler: (ctx: AppContext, { state }: RouteArgs) => list(ctx, knex, state) },
    { method: 'POST', path: '/api/_reports', action: 'signed-in', summary: 'Save a report', handler: (ctx: AppContext, { state }: RouteArgs) => create(ctx, knex, state) },
    { method: 'PATCH', path: '/api/_reports/:id', action: 'signed-in', summary: 'Change or share one of your reports', handler: (ctx: AppContext, { state, params }: RouteArgs) => update(ctx, knex, state, params.id) },
    {
      method: 'DELETE', path: '/api/_reports/:id', action: 'signed-in', summary: 'Delete one of your reports',
      handler: async (ctx: AppContext, { params }: RouteArgs) => {
        const row = await ownReport(knex, ctx.state.user!, params.id);
        await knex('tessera.saved_reports').where({ id: row.id, user_id: row.user_id }).delete();
        ctx.status = 204;
      },
    },
    { method: 'GET', path: '/api/_reports/:id/run', action: 'signed-in', summary: 'A report\'s numbers for you', handler: (ctx: AppContext, { state, params }: RouteArgs) => run(ctx, knex, state, params.id) },
    reportExportRoute(knex),
    ...pinRoutes(knex),
  ]);
}
