import { availableTransitions, currentState, type CompiledWorkflow } from '@tessera/engine';
import type { EntityWorkflows } from '@tessera/metadata';
import type { Knex } from 'knex';
import { HttpError, notFound } from '../errors/http-error';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import { userPermissions } from '../permissions/user-permissions';
import { recordScope } from '../records/record-scope';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { versionFromIfMatch } from '../records/record-etag';
import { rowToRecord } from '../records/row-to-record';
import type { TransitionRequest } from './perform-transition';
import { performTransition } from './perform-transition';


export interface WorkflowRouteDeps {
  knex: Knex;
  getState(): AppState;
  workflowsOf(state: AppState, entity: CompiledEntity): EntityWorkflows<CompiledWorkflow> | undefined;
  armTimers: TransitionRequest['armTimers'];
  startApproval?: TransitionRequest['startApproval'];
  /** Runs after a transition committed (outbox delivery). */
  afterCommit(): void;
}

/**
 * `GET /api/{plural}/{id}/workflow`: the state, what this user may do now, and the history.
 * `POST /api/{plural}/{id}/transitions/{event}` with the transition form's data as the body.
 * Both act on a record in the caller's scope (the route guard); a transition needs the
 * `transition` grant besides the event's own roles, and answers through the field filter.
 */
export function workflowRoutes(deps: WorkflowRouteDeps): RouteDeclaration[] {
  const hasWorkflow = (entity: CompiledEntity, state: AppState) => deps.workflowsOf(state, entity) !== undefined;
  const workflowsFor = (state: AppState, entity: CompiledEntity) => {
    const workflows = deps.workflowsOf(state, entity);
    if (!workflows) throw notFound(`The entity ${entity.entity['x-name']} has no workflow`);
    return workflows;
  };
  return defineRoutes([
    {
      method: 'GET', path: '/api/:plural/:id/workflow', action: 'read', entity: true, record: 'read', appliesTo: hasWorkflow, summary: "A record's workflow state, the transitions the caller may take now, and its history",
      async handler(ctx, { state, entity, id }) {
        const workflows = workflowsFor(state, entity);
        const user = ctx.state.user!;
        const row = await deps.knex.withSchema(entity.schema).table(entity.table).where({ id }).modify(recordScope(entity)).first();
        if (!row) throw notFound(`No ${entity.entity['x-name']} with id "${id}"`);
        const record = rowToRecord(row, entity);
        // A record type may run its own workflow, or none (ADR 0060).
        const workflow = workflows.forRecord(record);
        if (!workflow) throw notFound(`This ${entity.entity['x-name']} follows no workflow`);
        const current = currentState(workflow, record[workflow.definition.stateField]);
        const history = await deps.knex('tessera.workflow_history')
          .where({ entity: entity.entity['x-name'], record_id: id })
          .orderBy('at')
          .select('event', 'from_state as from', 'to_state as to', 'data', 'actor', 'at', 'workflow_version as workflowVersion');
        // Without the transition grant nothing is available, whatever the events' own roles say.
        const mayTransition = userPermissions(state, user).resolved.entity(entity.entity['x-name']).actions.has('transition');
        ctx.body = {
          data: {
            workflow: workflow.definition.name,
            version: workflow.definition.version ?? 1,
            stateField: workflow.definition.stateField,
            state: current,
            final: workflow.definition.machine.states[current]?.type === 'final',
            transitions: mayTransition ? availableTransitions(workflow, current, { record, user: { id: user.id, roles: user.roles }, data: {}, now: new Date().toISOString() }) : [],
            history: history.map((h) => ({ ...h, at: h.at instanceof Date ? h.at.toISOString() : h.at })),
          },
        };
      },
    },
    {
      method: 'POST', path: '/api/:plural/:id/transitions/:event', action: 'transition', entity: true, record: 'write', scopedBy: 'statement', appliesTo: hasWorkflow, returns: 'records', summary: 'Fire a workflow event on a record, with the transition form as the body',
      async handler(ctx, { state, entity, id, params, access }) {
        const workflow = workflowsFor(state, entity);
        const body = ctx.request.body ?? {};
        if (typeof body !== 'object' || Array.isArray(body)) throw new HttpError(422, 'validation_failed', 'body: the transition form must be a JSON object', [{ field: '', rule: 'type', message: 'must be a JSON object' }]);
        const expectedVersion = versionFromIfMatch(ctx.get('If-Match') || undefined);
        const outcome = await performTransition({
          knex: deps.knex,
          state,
          entity,
          workflow,
          id,
          cause: { kind: 'event', event: params.event, data: body, user: ctx.state.user!, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
          armTimers: deps.armTimers,
          startApproval: deps.startApproval,
          requestId: ctx.state.requestId,
          ...(access.access.scope === 'all' ? {} : { scope: (qb: Knex.QueryBuilder) => access.restrict(qb, entity.table, 'write') }),
          ...(ctx.state.hooks ? { hooks: ctx.state.hooks } : {}),
        });
        deps.afterCommit();
        ctx.body = { data: outcome!.record, transition: { event: outcome!.event, from: outcome!.from, to: outcome!.to } };
      },
    },
  ]);
}
