import { availableTransitions, currentState, type CompiledWorkflow } from '@tessera/engine';
import type { Knex } from 'knex';
import { HttpError, notFound } from '../errors/http-error';
import type { AppMiddleware } from '../http/http-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { versionFromIfMatch } from '../records/record-etag';
import { rowToRecord } from '../records/row-to-record';
import type { TransitionRequest } from './perform-transition';
import { performTransition } from './perform-transition';
import { methodNotAllowed } from '../http/method-not-allowed';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROUTE = /^\/api\/([a-z][a-z0-9_-]*)\/([^/]+)\/(workflow|transitions)(?:\/([^/]+))?\/?$/;

export interface WorkflowRouteDeps {
  knex: Knex;
  getState(): AppState;
  workflowOf(state: AppState, entity: CompiledEntity): CompiledWorkflow | undefined;
  armTimers: TransitionRequest['armTimers'];
  startApproval?: TransitionRequest['startApproval'];
  /** Runs after a transition committed (outbox delivery). */
  afterCommit(): void;
}

/**
 * `GET /api/{plural}/{id}/workflow`: the state, what this user may do now, and the history.
 * `POST /api/{plural}/{id}/transitions/{event}` with the transition form's data as the body.
 */
export function workflowRoutes(deps: WorkflowRouteDeps): AppMiddleware {
  return async (ctx, next) => {
    const match = ROUTE.exec(ctx.path);
    if (!match) return next();
    const [, plural, rawId, kind, event] = match;
    const state = deps.getState();
    const entity = state.byPlural.get(plural);
    if (!entity) throw notFound(`No entity is published at /api/${plural}`);
    const name = entity.entity['x-name'];
    const workflow = deps.workflowOf(state, entity);
    if (!workflow) throw notFound(`The entity ${name} has no workflow`);
    if (!UUID.test(rawId)) throw notFound(`No ${name} with id "${rawId}"`);
    const id = rawId.toLowerCase();
    const user = ctx.state.user!; // authenticate guarantees a user on /api

    if (kind === 'workflow' && event === undefined) {
      if (ctx.method !== 'GET') return methodNotAllowed(ctx, 'GET');
      const row = await deps.knex.withSchema(entity.schema).table(entity.table).where({ id }).first();
      if (!row) throw notFound(`No ${name} with id "${rawId}"`);
      const record = rowToRecord(row, entity);
      const current = currentState(workflow, record[workflow.definition.stateField]);
      const history = await deps.knex('tessera.workflow_history')
        .where({ entity: name, record_id: id })
        .orderBy('at')
        .select('event', 'from_state as from', 'to_state as to', 'data', 'actor', 'at', 'workflow_version as workflowVersion');
      ctx.body = {
        data: {
          workflow: workflow.definition.name,
          version: workflow.definition.version ?? 1,
          stateField: workflow.definition.stateField,
          state: current,
          final: workflow.definition.machine.states[current]?.type === 'final',
          transitions: availableTransitions(workflow, current, { record, user: { id: user.id, roles: user.roles }, data: {}, now: new Date().toISOString() }),
          history: history.map((h) => ({ ...h, at: h.at instanceof Date ? h.at.toISOString() : h.at })),
        },
      };
      return;
    }
    if (kind !== 'transitions' || event === undefined) return next();
    if (ctx.method !== 'POST') return methodNotAllowed(ctx, 'POST');
    const body = ctx.request.body ?? {};
    if (typeof body !== 'object' || Array.isArray(body)) throw new HttpError(422, 'validation_failed', 'body: the transition form must be a JSON object', [{ field: '', rule: 'type', message: 'must be a JSON object' }]);
    const expectedVersion = versionFromIfMatch(ctx.get('If-Match') || undefined);
    const outcome = await performTransition({
      knex: deps.knex,
      state,
      entity,
      workflow,
      id,
      cause: { kind: 'event', event: decodeURIComponent(event), data: body, user, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
      armTimers: deps.armTimers,
      startApproval: deps.startApproval,
      requestId: ctx.state.requestId,
      ...(ctx.state.hooks ? { hooks: ctx.state.hooks } : {}),
    });
    deps.afterCommit();
    ctx.body = { data: outcome!.record, transition: { event: outcome!.event, from: outcome!.from, to: outcome!.to } };
  };
}
