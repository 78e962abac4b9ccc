import type { PluginDefinition } from '@tessera/engine';
import type { Knex } from 'knex';
import type { AuthUser, UserRow } from '../auth/auth-types';
import { rowToAuthUser } from '../auth/create-user-store';
import type { AppState } from '../meta/compile-app-state';
import { createPluginRecords } from '../plugins/create-plugin-records';
import { hasStore, pluginSchema, pluginStore } from '../plugins/plugin-store';
import { settingsOf } from '../plugins/create-record-hooks';
import { readPluginStates } from '../plugins/plugin-state-store';
import { cronProblem } from './cron-slots';
import type { RecurringJob } from './recurring-job-types';

export interface PluginJobsDeps {
  knex: Knex;
  plugins: readonly PluginDefinition[];
  getState(): AppState;
  logger: Pick<Console, 'error' | 'info'>;
  /** Time zone of a job that names none. */
  tz: string;
}

/**
 * Fails, naming plugin and job, on a cron or time zone pg-boss would refuse: at boot, before
 * anything is scheduled, rather than at 02:00. (The engine checks the shape; this parses.)
 */
export function checkPluginJobs(plugins: readonly PluginDefinition[], tz: string): void {
  for (const plugin of plugins) {
    for (const job of plugin.jobs ?? []) {
      const problem = cronProblem(job.cron, job.tz ?? tz);
      if (problem) throw new Error(`Plugin "${plugin.name}" has a job "${job.name}" whose schedule ${problem}`);
    }
  }
}

/** The account a job's records API acts as: `runAs`, else the oldest active admin. */
async function jobUser(knex: Knex, runAs: string | undefined): Promise<AuthUser> {
  const query = knex('tessera.users').where({ is_active: true });
  const row: UserRow | undefined = runAs
    ? await query.andWhere({ username: runAs }).first()
    : await query.andWhereRaw('? = any(roles)', ['admin']).orderBy('created_at').first();
  if (!row) throw new Error(runAs ? `the job runs as "${runAs}", who is not an active user` : 'the job needs an active admin user to act as (or a runAs username)');
  return rowToAuthUser(row);
}

/**
 * Each plugin's `jobs` as recurring jobs named `<plugin>:<job>`. A run of a plugin the app
 * has disabled is recorded as skipped; a throwing run is caught by the runner (logged,
 * stored as the job's last error), never by the process.
 */
export function pluginJobs(deps: PluginJobsDeps): RecurringJob[] {
  const { knex, getState, logger } = deps;
  return deps.plugins.flatMap((plugin) =>
    (plugin.jobs ?? []).map((job): RecurringJob => {
      const name = `${plugin.name}:${job.name}`;
      return {
        name,
        cron: job.cron,
        tz: job.tz ?? deps.tz,
        source: plugin.name,
        async run({ due, previousDue }) {
          const state = getState();
          const stored = (await readPluginStates(knex, state.app.name)).get(plugin.name);
          if (stored?.enabled === false) return { skipped: `plugin "${plugin.name}" is disabled` };
          const user = await jobUser(knex, job.runAs);
          await job.run({
            plugin: plugin.name,
            job: name,
            settings: settingsOf(plugin, stored),
            records: createPluginRecords({ knex, state, user, requestId: `job:${name}:${due.toISOString()}` }),
            ...(hasStore(plugin) ? { store: pluginStore(knex, pluginSchema(plugin.name, state.app.name)) } : {}),
            log: { info: (m: string, ...r: unknown[]) => logger.info(`[${name}] ${m}`, ...r), error: (m: string, ...r: unknown[]) => logger.error(`[${name}] ${m}`, ...r) },
            due,
            ...(previousDue ? { previousDue } : {}),
          });
        },
      };
    }),
  );
}
