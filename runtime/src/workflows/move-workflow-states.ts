import { checkStateMappings, diffWorkflowStates, stateTimers, timerEventType, workflowToMachine, type WorkflowRegistry, type WorkflowStateDiff } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import { whereWorkflowRuns, workflowDefinitionsOf } from './entity-workflow-definitions';
import { setAuditContext } from '../audit/set-audit-context';
import { HttpError, validationFailed } from '../errors/http-error';
import { compileAppState, type AppState, type CompiledEntity } from '../meta/compile-app-state';
import type { StateMappingView, WorkflowStatesHook } from '../migrate/migrate-types';
import type { CommitRequest } from './commit-transition';

/** The history event of a record a publish moved (never a real event name: those are UPPER/lower_snake). */
export const MIGRATED_EVENT = '_migrated';
const SAMPLES = 5;
const CHUNK = 500;

export interface WorkflowStatesDeps {
  getState(): AppState;
  registry: WorkflowRegistry;
  armTimers: CommitRequest['armTimers'];
}

interface Located {
  diff: WorkflowStateDiff;
  entity: CompiledEntity;
  column: string;
  /** Only the records the changed workflow runs for (another record type's may share the field). */
  runs(qb: Knex.QueryBuilder): void;
}

const entityNamed = (state: AppState, name: string) => [...state.byPlural.values()].find((e) => e.entity['x-name'] === name);

export function stateMappingRequired(missing: readonly StateMappingView[], app: AppDefinition): HttpError {
  const statesOf = (entity: string) => Object.keys(app.workflows?.find((w) => w.entity === entity)?.machine.states ?? {}).join(', ');
  const details = missing.map((v) => ({
    field: `stateMappings.${v.entity}.${v.from}`,
    rule: 'state_mapping_required',
    message: `${v.count} ${v.entity} record(s) are in "${v.from}", which the new workflow "${v.workflow}" no longer has (e.g. ${v.samples.join(', ')}); map it to one of: ${statesOf(v.entity)}`,
    entity: v.entity,
    state: v.from,
    count: v.count,
    samples: v.samples,
  }));
  return new HttpError(409, 'state_mapping_required', `Records are in workflow states this change removes; send stateMappings to move them: ${details.map((d) => `${d.field} (${d.count} record(s))`).join(', ')}`, details);
}

/** Where each changed workflow's records live in the published tables (the plan's steps have not run yet). */
function locate(diffs: readonly WorkflowStateDiff[], from: AppDefinition, current: AppState): Located[] {
  const old = compileAppState(from, 0, current.registry);
  return diffs.flatMap((diff) => {
    const entity = entityNamed(old, diff.entity);
    const workflows = workflowDefinitionsOf(from, diff.entity);
    const wf = workflows.named(diff.workflow);
    const column = wf && entity?.fieldsByName.get(wf.stateField)?.column;
    const scope = wf && workflows.scope(wf);
    return entity && column ? [{ diff, entity, column, runs: whereWorkflowRuns(scope, scope && entity.fieldsByName.get(scope.field)?.column) }] : [];
  });
}

/**
 * The workflow host's publish hook (issue 6). Records in a state the new definition dropped
 * need a mapping: without one the publish is refused (409, with counts and sample ids); with
 * one they move in the publish transaction — version bumped, a `_migrated` history row each,
 * audited, and the new state's timers armed on the new version (old timers die with the old
 * version). Records in kept states stay; kept states that gained delays get those timers
 * armed from now. A dry run only reports.
 */
export function createWorkflowStatesHook(deps: WorkflowStatesDeps): WorkflowStatesHook {
  return async (trx, { from, app, choices, dryRun, toVersion, appliedBy }) => {
    const diffs = diffWorkflowStates(from, app);
    const mappings = choices.stateMappings ?? {};
    const problems = checkStateMappings(diffs, mappings, app);
    if (problems.length > 0) throw validationFailed(problems.map(({ field, rule, message }) => ({ field, rule, message })));
    if (!from || diffs.length === 0) return [];
    const located = locate(diffs, from, deps.getState());
    const views: StateMappingView[] = [];
    for (const { diff, entity, column, runs } of located) {
      for (const state of diff.removed) {
        const table = () => trx.withSchema(entity.schema).table(entity.table).where(column, state).modify(runs);
        const [{ count }] = await table().count<{ count: string | number }[]>({ count: '*' });
        if (Number(count) === 0) continue;
        const samples = (await table().orderBy('id').limit(SAMPLES).select('id')).map((r: { id: string }) => r.id);
        views.push({ entity: diff.entity, workflow: diff.workflow, from: state, to: mappings[diff.entity]?.[state] ?? null, count: Number(count), samples });
      }
    }
    if (dryRun) return views;
    const missing = views.filter((v) => v.to === null);
    if (missing.length > 0) throw stateMappingRequired(missing, app);

    const [user] = await trx('tessera.users').where({ username: appliedBy }).select('id');
    const actor: string | null = user?.id ?? null;
    // The audit trigger records each moved row under this action; cleared again for the plan's own steps.
    await setAuditContext(trx, { actorId: actor ?? undefined, requestId: undefined, action: 'workflow_migrate' });
    for (const { diff, entity, column, runs } of located) {
      const wf = app.workflows!.find((w) => w.name === diff.workflow)!;
      const compiled = workflowToMachine(wf, deps.registry);
      for (const view of views.filter((v) => v.entity === diff.entity && v.workflow === diff.workflow)) {
        const to = view.to!;
        const moved: { id: string; version: number }[] = await trx.withSchema(entity.schema).table(entity.table)
          .where(column, view.from)
          .modify(runs)
          .update({ [column]: to, version: trx.raw('version + 1'), updated_at: trx.fn.now() })
          .returning(['id', 'version']);
        const history = moved.map((r) => ({
          entity: diff.entity, record_id: r.id, workflow: wf.name, workflow_version: wf.version ?? 1, app_version: toVersion,
          from_state: view.from, to_state: to, event: MIGRATED_EVENT, data: JSON.stringify({ publishedBy: appliedBy }), actor,
        }));
        for (let i = 0; i < history.length; i += CHUNK) await trx('tessera.workflow_history').insert(history.slice(i, i + CHUNK));
        const timers = stateTimers(compiled, to);
        if (timers.length > 0) for (const r of moved) await deps.armTimers(trx, timers, { entity: diff.entity, id: r.id, state: to, version: Number(r.version) });
      }
      for (const { state, delays } of diff.newTimers) {
        const timers = delays.map((ms) => ({ event: timerEventType(compiled, state, ms), delayMs: ms }));
        const waiting: { id: string; version: number }[] = await trx.withSchema(entity.schema).table(entity.table).where(column, state).modify(runs).select('id', 'version');
        for (const r of waiting) await deps.armTimers(trx, timers, { entity: diff.entity, id: r.id, state, version: Number(r.version) });
      }
    }
    await setAuditContext(trx, { actorId: undefined, requestId: undefined });
    return views;
  };
}
