import { createWorkflowRegistry, type CompiledWorkflow, type PluginDefinition, type WorkflowRegistry } from '@tessera/engine';
import type { EntityWorkflows } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import type { RecordHooks } from '../plugins/record-hooks-types';
import type { RouteDeclaration } from '../http/route-types';
import { createJobQueue, type JobQueue } from '../jobs/create-job-queue';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { approvalRoutes } from '../approvals/approval-routes';
import { createApprovalHost, TIMEOUT_QUEUE, type ApprovalTimeoutJob } from '../approvals/create-approval-host';
import { CHANNEL_QUEUE, createChannelDelivery, type ChannelJob } from '../notifications/deliver-channel';
import { CHANNEL_DELIVERY_KIND, type EnqueueChannel } from '../notifications/fan-out-channels';
import { submitterChannels } from '../approvals/submitter-channels';
import { compileAppWorkflows } from './compile-app-workflows';
import { DEFAULT_RETRY_DELAY_S, DEFAULT_RETRY_LIMIT, deliverWebhook, WEBHOOK_QUEUE } from './deliver-webhook';
import { dispatchOutbox, type ArmCreated, type EnqueueWebhook } from './dispatch-outbox';
import { armCreatedTimers, type ArmTimers } from './arm-on-create';
import { stateEntry } from './state-entry';
import { outboxRoutes } from './outbox-routes';
import { createWorkflowStatesHook } from './move-workflow-states';
import type { WorkflowStatesHook } from '../migrate/migrate-types';
import { performTransition, type TransitionOutcome, type TransitionRequest } from './perform-transition';
import { workflowRoutes } from './workflow-routes';
import { dateTimersJob } from './date-timers-job';
import type { FireDateTimer } from './fire-date-timers';
import type { RecurringJob } from '../jobs/recurring-job-types';

const TIMER_QUEUE = 'tessera-workflow-timer';

export interface WorkflowHostOptions {
  knex: Knex;
  databaseUrl?: string;
  getState(): AppState;
  registry?: WorkflowRegistry;
  logger?: Pick<Console, 'error' | 'info'>;
  /** Signs webhooks whose action names no secret (TESSERA_WEBHOOK_SECRET). */
  webhookSecret?: string;
  /** The app's plugins: a notification channel's owner gives it its settings and enable switch. */
  plugins?: readonly PluginDefinition[];
  /** How often the outbox is swept besides after each transition (default 2 s). */
  dispatchIntervalMs?: number;
}

export interface WorkflowHost {
  registry: WorkflowRegistry;
  /** Workflow, transition, approval and outbox routes. */
  routes: RouteDeclaration[];
  /** Creates the tables; starts the job queue and the timer worker once the app has workflows. */
  start(): Promise<void>;
  /** Delivers pending outbox rows now (also runs after each transition). */
  dispatch(): Promise<number>;
  /** The publish hook that carries records in flight across a workflow change (issue 6). */
  workflowStates: WorkflowStatesHook;
  /** Fires `event` on a record as `user` outside a request for it (a public form's assignment); its own transaction. */
  fireEvent(req: FireEventRequest): Promise<TransitionOutcome | null>;
  /** The sweep of timers counted from a date field (`workflows:date-timers`), when a workflow has one. */
  recurringJobs(tz: string): RecurringJob[];
  stop(): Promise<void>;
}

export interface FireEventRequest {
  state: AppState;
  entity: CompiledEntity;
  id: string;
  event: string;
  user: AuthUser;
  requestId?: string;
  hooks?: RecordHooks;
}

interface TimerJob {
  entity: string;
  id: string;
  state: string;
  /** The record version at arming; only jobs armed before state entries were counted fire by it. */
  version: number;
  /** Which entry into `state` armed the timer (state-entry): a field edit does not cancel it, a transition does. */
  entry?: number;
  event: string;
  delayMs: number;
}

/** How often the outbox is swept besides after transitions (records created with timers, notes left by a crash). */
const DISPATCH_INTERVAL_MS = 2000;

/** The runtime's workflow side: routes, timers on pg-boss, outbox delivery. */
export function createWorkflowHost(opts: WorkflowHostOptions): WorkflowHost {
  const registry = opts.registry ?? createWorkflowRegistry();
  const { knex } = opts;
  let queue: JobQueue | undefined;
  let starting: Promise<JobQueue> | undefined;
  let stopped = false;
  let dispatching: Promise<number> | undefined;
  let ticker: NodeJS.Timeout | undefined;

  const workflowsOf = (state: AppState, entity: CompiledEntity): EntityWorkflows<CompiledWorkflow> | undefined => compileAppWorkflows(state.app, registry).get(entity.entity['x-name']);
  const hasWorkflows = () => (opts.getState().app.workflows ?? []).length > 0;

  // pg-boss takes seconds to install its schema on a fresh PGlite, so apps without workflows never pay for it.
  const ensureQueue = (): Promise<JobQueue> => {
    // A queue started after stop() would never be stopped: its workers would poll a closed database.
    if (stopped && !starting) return Promise.reject(new Error('runtime stopping; the job runs again after the restart'));
    starting ??= (async () => {
      const q = await createJobQueue({ knex, databaseUrl: opts.databaseUrl, logger: opts.logger });
      try {
        await startWorkers(q);
      } catch (err) {
        // A started pg-boss keeps its pool and timers alive: stop it, or a failed start hangs
        // the process instead of exiting (and a supervisor never restarts it).
        await q.stop().catch(() => undefined);
        starting = undefined;
        throw err;
      }
      opts.logger?.info(`workflow timers: pg-boss on ${opts.databaseUrl ? 'PostgreSQL' : 'PGlite (through knex)'}`);
      queue = q;
      return q;
    })();
    return starting;
  };
  const startWorkers = async (q: JobQueue) => {
    await q.work(TIMER_QUEUE, (data) => fireTimer(data as unknown as TimerJob));
    await q.work(TIMEOUT_QUEUE, async (data) => {
      if (stopped) throw new Error('runtime stopping; the timeout will run again');
      await approvals.escalate(knex, data as unknown as ApprovalTimeoutJob);
      void dispatch();
    });
    await q.work(CHANNEL_QUEUE, (data) => {
      if (stopped) throw new Error('runtime stopping; the notification will be sent again');
      return deliverChannel(data as unknown as ChannelJob);
    });
    await q.work(WEBHOOK_QUEUE, (data) => {
      if (stopped) throw new Error('runtime stopping; the webhook will be sent again');
      return deliverWebhook(knex, String(data.outboxId), opts.webhookSecret);
    });
  };

  // Called after the transition's history row is written, so the count names the entry just made.
  const armTimers: ArmTimers = async (trx, timers, record) => {
    const q = await ensureQueue();
    const entry = await stateEntry(trx, record.entity, record.id);
    for (const t of timers) {
      const job: TimerJob = { entity: record.entity, id: record.id, state: record.state, version: record.version, entry, event: t.event, delayMs: t.delayMs };
      // One job per state entry and timer: re-arming the same entry is a no-op. A timer of a
      // record created earlier counts from its creation (elapsedMs).
      await q.send(TIMER_QUEUE, job, { startAfterMs: Math.max(0, t.delayMs - (record.elapsedMs ?? 0)), singletonKey: `${job.entity}:${job.id}:e${entry}:${t.event}`, trx });
    }
  };
  const findWorkflows = (name: string) => {
    const state = opts.getState();
    const entity = [...state.byPlural.values()].find((e) => e.entity['x-name'] === name);
    const workflows = entity && workflowsOf(state, entity);
    return entity && workflows ? { entity, workflows } : undefined;
  };
  const armCreated: ArmCreated = (trx, payload) => armCreatedTimers(trx, payload, { find: findWorkflows, armTimers });

  async function fireTimer(job: TimerJob): Promise<void> {
    if (stopped) throw new Error('runtime stopping; the timer will run again');
    const state = opts.getState();
    const entity = [...state.byPlural.values()].find((e) => e.entity['x-name'] === job.entity);
    const workflow = entity && workflowsOf(state, entity);
    if (!entity || !workflow) return; // the workflow was removed: nothing left to move
    try {
      await performTransition({ knex, state, entity, workflow, id: job.id, cause: { kind: 'timer', event: job.event, state: job.state, version: job.version, ...(job.entry !== undefined ? { entry: job.entry } : {}), delayMs: job.delayMs }, armTimers, startApproval: approvals.startApproval });
    } catch (err) {
      // A lost race with a user's transition: the record moved on, so the timer no longer applies.
      if ((err as { code?: string }).code === 'transition_conflict') return;
      throw err;
    }
    void dispatch();
  }

  const fireDateTimer: FireDateTimer = async (entity, workflow, id, timer, due) => {
    if (stopped) throw new Error('runtime stopping; the next sweep fires it');
    try {
      const outcome = await performTransition({ knex, state: opts.getState(), entity, workflow, id, cause: { kind: 'date-timer', event: timer.event, state: timer.state, delayMs: timer.delayMs, field: timer.field, due }, armTimers, startApproval: approvals.startApproval });
      return outcome !== null;
    } catch (err) {
      // Someone moved the record meanwhile: the next sweep reads it as it is then.
      if ((err as { code?: string }).code === 'transition_conflict') return false;
      throw err;
    }
  };

  const enqueueWebhook: EnqueueWebhook = async (trx, outboxId, delivery) => {
    const q = await ensureQueue();
    await q.send(WEBHOOK_QUEUE, { outboxId }, {
      trx,
      singletonKey: outboxId,
      retryLimit: delivery?.retryLimit ?? DEFAULT_RETRY_LIMIT,
      retryDelay: delivery?.retryDelay ?? DEFAULT_RETRY_DELAY_S,
      retryBackoff: true,
    });
  };

  // First attempts come from the outbox dispatch; later ones from deliverChannel's own schedule.
  // pg-boss's retries only cover a crash or a stop mid-attempt (the attempt check drops duplicates).
  const sendChannelJob = async (trx: Knex.Transaction, job: ChannelJob, delayMs: number) => {
    await (await ensureQueue()).send(CHANNEL_QUEUE, job, { trx, startAfterMs: delayMs, singletonKey: `${job.outboxId}:${job.attempt}`, retryLimit: 3, retryDelay: 5 });
  };
  const enqueueChannel: EnqueueChannel = (trx, outboxId) => sendChannelJob(trx, { outboxId, attempt: 1 }, 0);
  const deliverChannel = createChannelDelivery({ knex, channels: registry.channels, plugins: opts.plugins ?? [], appName: () => opts.getState().app.name, logger: opts.logger, schedule: sendChannelJob });

  function dispatch(): Promise<number> {
    // One delivery pass at a time per process; SKIP LOCKED shares rows across processes.
    dispatching ??= dispatchOutbox(knex, enqueueWebhook, enqueueChannel, 50, armCreated)
      .catch((err: Error) => {
        opts.logger?.error(`outbox: ${err.message}`);
        return 0;
      })
      .finally(() => (dispatching = undefined));
    return dispatching;
  }

  const approvals = createApprovalHost({
    getState: opts.getState,
    workflowsOf,
    armTimers,
    sendJob: async (trx, queueName, data, startAfterMs, singletonKey) => {
      await (await ensureQueue()).send(queueName, data, { startAfterMs, singletonKey, trx });
    },
    submitterChannels: submitterChannels(registry.channels, opts.plugins ?? [], () => opts.getState().app.name),
  });
  const routes = [
    ...outboxRoutes(knex, { webhook: enqueueWebhook, [CHANNEL_DELIVERY_KIND]: enqueueChannel }),
    ...approvalRoutes({ knex, host: approvals, getState: opts.getState, afterCommit: () => void dispatch() }),
    ...workflowRoutes({ knex, getState: opts.getState, workflowsOf, armTimers, startApproval: approvals.startApproval, afterCommit: () => void dispatch() }),
  ];

  return {
    registry,
    routes,
    async start() {
      if (hasWorkflows()) await ensureQueue();
      // Creates do not dispatch (they are not transitions): the sweep turns their timer rows into jobs.
      ticker ??= setInterval(() => { if (!stopped) void dispatch(); }, opts.dispatchIntervalMs ?? DISPATCH_INTERVAL_MS);
      ticker.unref();
    },
    dispatch,
    workflowStates: createWorkflowStatesHook({ getState: opts.getState, registry, armTimers }),
    recurringJobs: (tz) => dateTimersJob({ knex, getState: opts.getState, workflowsOf, fire: fireDateTimer, afterFire: () => void dispatch(), logger: opts.logger }, tz),
    async fireEvent({ state, entity, id, event, user, requestId, hooks }) {
      const workflow = workflowsOf(state, entity);
      if (!workflow) throw new Error(`The entity ${entity.entity['x-name']} has no workflow to fire "${event}" in`);
      const outcome = await performTransition({ knex, state, entity, workflow, id, cause: { kind: 'event', event, data: {}, user }, armTimers, startApproval: approvals.startApproval, ...(requestId ? { requestId } : {}), ...(hooks ? { hooks } : {}) });
      void dispatch();
      return outcome;
    },
    async stop() {
      stopped = true;
      if (ticker) clearInterval(ticker);
      if (starting) await (await starting.catch(() => undefined))?.stop();
      await dispatching;
    },
  };
}
