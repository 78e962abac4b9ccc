import type { Knex } from 'knex';
import { notFound, validationFailed } from '../errors/http-error';
import type { AppMiddleware } from '../http/http-types';
import { activeIds } from './resolve-approvers';
import { APPROVAL_ACTIONS, parseApprovalBody, type ApprovalVerb } from './approval-body';
import type { ApprovalHost } from './create-approval-host';
import type { ApprovalInstanceRow } from './approval-store';
import { approvalFiles, type ApprovalFile } from './approval-files';
import { approvalRecordViews } from './approval-record-view';
import type { AppState } from '../meta/compile-app-state';
import { mayReadApproval } from './approval-visibility';
import { methodNotAllowed } from '../http/method-not-allowed';
import { handledBy } from '../http/handled-by';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROUTE = /^\/api\/approvals(?:\/([^/]+))?(?:\/([a-z-]+))?\/?$/;
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/** Keyset cursor over (created_at, id): stable under inserts, one index range scan per page. */
const encodeCursor = (createdAt: unknown, id: string) => Buffer.from(`${iso(createdAt)}|${id}`).toString('base64url');
function decodeCursor(raw: string): [string, string] {
  const [at, id] = Buffer.from(raw, 'base64url').toString().split('|');
  if (!at || !id || !UUID.test(id) || Number.isNaN(Date.parse(at))) throw validationFailed([{ field: 'after', rule: 'format', message: 'is not a cursor from this API' }]);
  return [at, id];
}

/** An instance as the API shows it; with `files`, each history entry's attachments carry their names. */
function view(row: ApprovalInstanceRow & { created_at?: unknown; updated_at?: unknown }, files?: Map<string, ApprovalFile>) {
  const s = row.state;
  const history = files ? s.log.map((e) => (e.attachments ? { ...e, attachments: e.attachments.map((id) => files.get(id) ?? { id, name: null }) } : e)) : s.log;
  return { id: row.id, entity: row.entity, recordId: row.record_id, workflow: row.workflow, status: row.status, submitter: row.submitter, step: s.status === 'pending' ? s.steps[s.current]?.id ?? null : null, steps: s.steps.map(({ id, mode, approvers }) => ({ id, mode, approvers })), tasks: s.tasks, history, snapshot: (row as { snapshot?: unknown }).snapshot ?? null, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
}

const hasAttachments = (row: ApprovalInstanceRow) => row.state.log.some((e) => e.attachments?.length);
interface ApprovalRouteDeps { knex: Knex; host: ApprovalHost; getState(): AppState; afterCommit(): void }

const summaryOf = (row: { definition?: unknown }) => {
  const definition = (typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition) as { summary?: string[] } | undefined;
  return definition?.summary;
};

/** An approval with its attachments' names and what approvers see of the record (its title and summary fields). */
const detailed = async (deps: ApprovalRouteDeps, row: ApprovalInstanceRow & { definition?: unknown }) => {
  const records = await approvalRecordViews(deps.knex, deps.getState(), [{ entity: row.entity, recordId: row.record_id, summary: summaryOf(row) }]);
  return { ...view(row, hasAttachments(row) ? await approvalFiles(deps.knex, row.id) : new Map()), record: records.get(`${row.entity}:${row.record_id}`) ?? null };
};

/**
 * `GET /api/approvals/inbox` (my pending tasks), `GET /api/approvals?entity=&recordId=`,
 * `GET /api/approvals/{id}` (instance, tasks, history with comments and attachment names),
 * `POST /api/approvals/{id}/{action}` (`comment`, `attachments`: ids from `POST /api/files?purpose=approval`),
 * `GET|POST /api/approvals/delegations` (my standing delegations).
 */
export function approvalRoutes(deps: ApprovalRouteDeps): RouteDeclaration[] {
  const approvals = handledBy(approvalMiddleware(deps));
  return defineRoutes([
    { method: 'GET', path: '/api/approvals/inbox', action: 'signed-in', summary: 'Your pending approval tasks', handler: approvals },
    { method: 'GET', path: '/api/approvals/delegations', action: 'signed-in', summary: 'Your standing delegations', handler: approvals },
    { method: 'POST', path: '/api/approvals/delegations', action: 'signed-in', summary: 'Delegate your approvals for a period', handler: approvals },
    { method: 'GET', path: '/api/approvals', action: 'signed-in', summary: "A record's approvals (?entity=&recordId=)", handler: approvals },
    { method: 'GET', path: '/api/approvals/:id', action: 'signed-in', summary: 'One approval: steps, tasks, history', handler: approvals },
    { method: 'POST', path: '/api/approvals/:id/:verb', action: 'signed-in', summary: 'Approve, reject, return, comment, delegate or add a signer', handler: approvals },
  ]);
}

function approvalMiddleware(deps: ApprovalRouteDeps): AppMiddleware {
  const { knex } = deps;
  return async (ctx, next) => {
    const match = ROUTE.exec(ctx.path);
    if (!match) return next();
    const [, first, verb] = match;
    const user = ctx.state.user!;
    const only = (method: string) => {
      if (ctx.method === method) return true;
      methodNotAllowed(ctx, method);
      return false;
    };
    if (first === 'inbox' && !verb) {
      if (!only('GET')) return;
      const limit = ctx.query.limit === undefined ? 50 : Number(ctx.query.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw validationFailed([{ field: 'limit', rule: 'range', message: 'must be an integer from 1 to 200' }]);
      const q = knex('tessera.approval_tasks as t').join('tessera.approval_instances as i', 'i.id', 't.instance_id')
        .where({ 't.assignee': user.id, 't.status': 'pending' })
        .orderBy([{ column: 't.created_at' }, { column: 't.id' }]).limit(limit + 1)
        .select('t.id', 't.instance_id', 't.step', 't.created_at', 't.delegated_from', 'i.entity', 'i.record_id', 'i.submitter', 'i.definition');
      if (typeof ctx.query.after === 'string') q.whereRaw('(t.created_at, t.id) > (?, ?)', decodeCursor(ctx.query.after));
      const rows = await q;
      const page = rows.slice(0, limit);
      const records = await approvalRecordViews(knex, deps.getState(), page.map((r) => ({ entity: r.entity, recordId: r.record_id, summary: summaryOf(r) })));
      ctx.body = {
        data: page.map((r) => ({ taskId: r.id, approvalId: r.instance_id, entity: r.entity, recordId: r.record_id, record: records.get(`${r.entity}:${r.record_id}`) ?? null, step: r.step, submitter: r.submitter, delegatedFrom: r.delegated_from, createdAt: iso(r.created_at) })),
        next: rows.length > limit ? encodeCursor(page[page.length - 1].created_at, page[page.length - 1].id) : null,
      };
      return;
    }
    if (first === 'delegations' && !verb) {
      if (ctx.method === 'GET') {
        const rows = await knex('tessera.approval_delegations').where({ user_id: user.id }).orderBy('starts_at').select('id', 'delegate_id', 'starts_at', 'ends_at');
        ctx.body = { data: rows.map((r) => ({ id: r.id, delegateId: r.delegate_id, startsAt: iso(r.starts_at), endsAt: iso(r.ends_at) })) };
        return;
      }
      if (!only('POST')) return;
      const b = (ctx.request.body ?? {}) as Record<string, unknown>;
      const errors = [];
      for (const k of Object.keys(b)) if (!['delegateId', 'startsAt', 'endsAt'].includes(k)) errors.push({ field: k, rule: 'unknown-field', message: 'is not a field of a delegation' });
      const delegate = typeof b.delegateId === 'string' && UUID.test(b.delegateId) ? (await activeIds(knex, [b.delegateId]))[0] : undefined;
      if (!delegate || delegate === user.id) errors.push({ field: 'delegateId', rule: 'invalid', message: 'must be the id of another active user' });
      const starts = typeof b.startsAt === 'string' ? Date.parse(b.startsAt) : NaN;
      const ends = typeof b.endsAt === 'string' ? Date.parse(b.endsAt) : NaN;
      if (Number.isNaN(starts)) errors.push({ field: 'startsAt', rule: 'format', message: 'must be an ISO date-time' });
      if (Number.isNaN(ends) || (!Number.isNaN(starts) && ends <= starts)) errors.push({ field: 'endsAt', rule: 'format', message: 'must be an ISO date-time after startsAt' });
      if (errors.length) throw validationFailed(errors);
      const [row] = await knex('tessera.approval_delegations').insert({ user_id: user.id, delegate_id: delegate, starts_at: new Date(starts).toISOString(), ends_at: new Date(ends).toISOString() }).returning('*');
      ctx.status = 201;
      ctx.body = { data: { id: row.id, delegateId: row.delegate_id, startsAt: iso(row.starts_at), endsAt: iso(row.ends_at) } };
      return;
    }
    if (!first) {
      if (!only('GET')) return;
      const { entity, recordId } = ctx.query;
      if (typeof entity !== 'string' || typeof recordId !== 'string' || !UUID.test(recordId)) throw validationFailed([{ field: 'recordId', rule: 'required', message: 'entity and recordId (a uuid) are required' }]);
      const rows = await knex('tessera.approval_instances').where({ entity, record_id: recordId.toLowerCase() }).orderBy('created_at');
      ctx.body = { data: rows.filter((r) => mayReadApproval(r, user)).map((r) => view(r)) };
      return;
    }
    if (!UUID.test(first)) throw notFound(`No approval with id "${first}"`);
    const id = first.toLowerCase();
    if (!verb) {
      if (!only('GET')) return;
      const row = await knex('tessera.approval_instances').where({ id }).first();
      // Not visible reads as absent, so ids of others' approvals reveal nothing.
      if (!row || !mayReadApproval(row, user)) throw notFound(`No approval with id "${first}"`);
      ctx.body = { data: await detailed(deps, row) };
      return;
    }
    if (!(APPROVAL_ACTIONS as readonly string[]).includes(verb)) throw notFound(`There is no approval action "${verb}"; actions: ${APPROVAL_ACTIONS.join(', ')}`);
    if (!only('POST')) return;
    const action = parseApprovalBody(verb as ApprovalVerb, ctx.request.body ?? {}, user.id);
    if (action.type === 'delegate' || action.type === 'add-signer') {
      const wanted = action.type === 'delegate' ? [action.to] : action.users;
      const found = await activeIds(knex, wanted);
      if (found.length !== new Set(wanted).size) throw validationFailed([{ field: action.type === 'delegate' ? 'to' : 'users', rule: 'invalid', message: 'must name active users' }]);
    }
    const row = await deps.host.act(knex, id, action);
    deps.afterCommit();
    ctx.body = { data: await detailed(deps, await knex('tessera.approval_instances').where({ id: row.id }).first()) };
  };
}
