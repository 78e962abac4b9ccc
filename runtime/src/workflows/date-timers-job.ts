import { dateTimers, type CompiledWorkflow } from '@tessera/engine';
import type { EntityWorkflows } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { RecurringJob } from '../jobs/recurring-job-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { fireDateTimers, type FireDateTimer } from './fire-date-timers';

export const DATE_TIMERS_JOB = 'workflows:date-timers';
/** Every 5 minutes: a timer counted from a date fires at most that late (a date's own grain is a day). */
export const DATE_TIMERS_CRON = '*/5 * * * *';

export interface DateTimersJobDeps {
  knex: Knex;
  getState(): AppState;
  workflowsOf(state: AppState, entity: CompiledEntity): EntityWorkflows<CompiledWorkflow> | undefined;
  fire: FireDateTimer;
  /** Delivers what the fired transitions wrote to the outbox (notifications) now. */
  afterFire(): void;
  logger?: Pick<Console, 'error'>;
}

/**
 * The sweep of timers counted from a date field (ADR 0050) as a recurring job, or nothing when
 * no published workflow has one. Runs with the run's clock (tests inject one), so a catch-up
 * after downtime fires everything that came due meanwhile, once.
 */
export function dateTimersJob(deps: DateTimersJobDeps, tz: string): RecurringJob[] {
  const state = deps.getState();
  const any = [...state.byPlural.values()].some((entity) => {
    return (deps.workflowsOf(state, entity)?.all ?? []).some((workflow) => dateTimers(workflow).length > 0);
  });
  if (!any) return [];
  return [
    {
      name: DATE_TIMERS_JOB,
      cron: DATE_TIMERS_CRON,
      tz,
      source: 'builtin',
      async run({ now }) {
        const current = deps.getState();
        const swept = await fireDateTimers(deps.knex, current, { workflowsOf: (entity) => deps.workflowsOf(current, entity), fire: deps.fire, logger: deps.logger }, now, tz);
        if (swept.fired > 0) deps.afterFire();
        return { summary: `${swept.fired} fired${swept.failed > 0 ? `, ${swept.failed} failed` : ''}` };
      },
    },
  ];
}
