import type { Server } from 'node:http';
import { createWorkflowRegistry, validateAppWithRegistry, validateAppWorkflows, type FieldTypeRegistry, type WorkflowRegistry } from '@tessera/engine';
import { appPluginNames, appPluginSettings, formatMetadataError, type AppDefinition } from '@tessera/metadata';
import { createAppRegistry, loadAppDir } from './app-files/load-app-dir';
import { bootstrapUsers, type BootstrapResult } from './auth/bootstrap-users';
import { auditTriggersReady } from './audit/ensure-audit-triggers';
import { createDatabase } from './db/create-database';
import { readConfig } from './config/read-config';
import { createMetrics } from './observe/create-metrics';
import { startTracing } from './observe/tracing';
import { createKoaApp } from './http/create-koa-app';
import { compileAppState, type AppState } from './meta/compile-app-state';
import { createAppMigrations } from './migrate/create-app-migrations';
import { listenForMetadata, type MetadataListener } from './migrate/listen-for-metadata';
import { syncStartupVersion } from './meta/sync-startup-version';
import type { Listening, Runtime, RuntimeOptions } from './runtime-types';
import { appPlugins } from './plugins/app-plugins';
import { createPluginHost } from './plugins/create-plugin-host';
import { checkInitialPluginSettings } from './plugins/initial-plugin-settings';
import { createWorkflowHost } from './workflows/create-workflow-host';
import { publicFormRoutes } from './public-forms/public-form-routes';
import { metricRoutes } from './metrics/metric-routes';
import { appJobs, readJobSettings } from './jobs/app-jobs';
import { createRecurringJobs } from './jobs/create-recurring-jobs';
import { checkPluginJobs } from './jobs/plugin-jobs';
import type { RecurringJob } from './jobs/recurring-job-types';
import { submitterChannels } from './approvals/submitter-channels';
import { createReportScheduler } from './reports/report-scheduler';

/** The app and its field-type registry, from `opts.app` or the files in `opts.appDir`. */
async function readApp(opts: RuntimeOptions, workflows: WorkflowRegistry): Promise<{ app: AppDefinition; registry: FieldTypeRegistry }> {
  if (opts.app) return { app: opts.app, registry: createAppRegistry(opts.appPlugins ?? appPluginNames(opts.app.plugins), opts.appDir, opts.plugins, workflows) };
  if (!opts.appDir) throw new Error('createRuntime needs an app or an appDir');
  const loaded = await loadAppDir(opts.appDir, opts.plugins, workflows, opts.appPlugins);
  if (!loaded.ok) throw new Error(`The app in ${opts.appDir} has errors:\n${loaded.errors.map(formatMetadataError).join('\n')}`);
  return loaded;
}

/** Metadata rules plus what only the registered field types know (engine checks). */
function validateWith(registry: FieldTypeRegistry, app: unknown) {
  return validateAppWithRegistry(app, registry);
}

/** Workflow checks only the guard/action registry can make (unknown names, bad params): fail at publish, not at run. */
const workflowProblems = (workflows: WorkflowRegistry) => (app: AppDefinition) => {
  const result = validateAppWorkflows(app, workflows);
  return result.ok ? [] : result.errors;
};

/** Boots a Tessera app: database, metadata version, schema sync, HTTP. */
export async function createRuntime(opts: RuntimeOptions): Promise<Runtime> {
  // Built-in guards and actions, plus those the app's plugins register (issue 6).
  const workflowRegistry = createWorkflowRegistry();
  const { app: filesApp, registry } = await readApp(opts, workflowRegistry);
  const checked = validateWith(registry, filesApp);
  if (!checked.ok) throw new Error(`The app "${filesApp.name}" is not valid:\n${checked.errors.map(formatMetadataError).join('\n')}`);
  const badWorkflows = workflowProblems(workflowRegistry)(checked.value);
  if (badWorkflows.length > 0) throw new Error(`The app "${filesApp.name}" has workflow errors:\n${badWorkflows.map(formatMetadataError).join('\n')}`);

  // Recurring job schedules (issues 5, 6, 9): a bad cron or time zone fails before any database is touched.
  const jobSettings = readJobSettings(opts.jobs);

  // OTEL_* (issue 22): undefined, and no OpenTelemetry code loaded, unless an exporter is configured.
  const tracing = startTracing(readConfig(), opts.logger ?? console);
  const knex = createDatabase({ url: opts.databaseUrl, dataDir: opts.dataDir });
  let state: AppState;
  let bootstrap: BootstrapResult;
  try {
    const { stored } = await syncStartupVersion(knex, registry, checked.value);
    state = compileAppState(stored.definition, stored.version, registry);
    // Tessera's own tables came with syncStartupVersion (internal migrations); now the audit
    // trigger on every entity table, then the first users.
    await auditTriggersReady(knex, state);
    bootstrap = await bootstrapUsers(knex, { adminPassword: opts.adminPassword, appDir: opts.appDir });
  } catch (err) {
    await knex.destroy();
    await tracing?.shutdown();
    throw err;
  }
  // Workflow routes, timers (pg-boss) and the outbox; the queue starts only for apps with workflows.
  // The same plugin objects the registry loaded: hooks, routes, lifecycle, and the owners of notification channels.
  const pluginList = appPlugins(opts.appPlugins ?? appPluginNames(checked.value.plugins), opts.appDir, opts.plugins);
  let initialSettings: Map<string, Record<string, unknown>>;
  try {
    checkPluginJobs(pluginList, jobSettings.timeZone);
    // app.json's initial plugin settings against each plugin's schema (ADR 0024): a bad one stops the start.
    initialSettings = checkInitialPluginSettings(pluginList, appPluginSettings(checked.value.plugins));
  } catch (err) {
    await knex.destroy();
    await tracing?.shutdown();
    throw err;
  }
  const workflows = createWorkflowHost({ knex, databaseUrl: opts.databaseUrl, getState: () => state, registry: workflowRegistry, logger: opts.logger, webhookSecret: readConfig().TESSERA_WEBHOOK_SECRET, plugins: pluginList });
  // Plugin hooks, routes and lifecycle (issue 9): the same plugin objects the registry loaded.
  const plugins = createPluginHost({ knex, plugins: pluginList, getState: () => state, logger: opts.logger ?? console, timeoutMs: opts.pluginTimeoutMs, migrations: () => migrations, initialSettings });
  // pool:return-stale, reminders:send and plugin jobs on pg-boss's cron; pg-boss starts only if there is one.
  const log = opts.logger ?? console;
  const traced = (list: RecurringJob[]) => (tracing ? list.map(tracing.job) : list);
  // Scheduled reports (issue 21): their sweep joins the recurring jobs while any report is scheduled.
  const reports = createReportScheduler({ knex, getState: () => state, timeZone: jobSettings.timeZone, now: opts.now, channels: submitterChannels(workflowRegistry.channels, pluginList, () => state.app.name), afterSend: () => void workflows.dispatch(), resync: () => jobs.sync(), logger: log });
  const jobs = createRecurringJobs({ knex, databaseUrl: opts.databaseUrl, logger: log, now: opts.now, jobs: () => traced([...appJobs({ knex, getState: () => state, plugins: pluginList, logger: log, settings: jobSettings, afterNotify: () => void workflows.dispatch() }), ...workflows.recurringJobs(jobSettings.timeZone), ...reports.jobs()]) });
  try {
    await workflows.start();
    await plugins.start();
    await reports.start();
    await jobs.start();
  } catch (err) {
    reports.stop();
    await jobs.stop();
    await plugins.stop();
    await workflows.stop();
    await knex.destroy();
    await tracing?.shutdown();
    throw err;
  }

  const metrics = createMetrics(knex, () => state.version);
  let closing = false;
  const migrations = createAppMigrations({ knex, registry, getState: () => state, setState: (next) => { state = next; metrics.published(next.version); jobs.sync().catch((err: Error) => log.error(`recurring jobs: ${err.message}`)); }, now: opts.now, checkApp: workflowProblems(workflowRegistry), workflowStates: workflows.workflowStates });
  const publish: Runtime['publish'] = (app, baseVersion, choices) => migrations.publish(app, baseVersion, choices);
  // Publishes by other processes reach this one through NOTIFY (DESIGN.md §5); PGlite is one process.
  let listener: MetadataListener | undefined;
  if (opts.databaseUrl) {
    listener = listenForMetadata(opts.databaseUrl, state.app.name, (version) => {
      if (version === undefined || version > state.version) migrations.reload().catch((err: Error) => log.error(err));
    }, (err) => log.error(err));
  }

  const { koa, routes } = createKoaApp({
    knex, getState: () => state, migrations, workflowRegistry, webDir: opts.webDir, designerDir: opts.designerDir, logger: opts.logger, trustProxy: opts.trustProxy,
    hostRoutes: [...plugins.routes, ...jobs.routes, ...workflows.routes, ...reports.routes, ...publicFormRoutes({ knex, getState: () => state, bindHooks: plugins.bindHooks, fireEvent: workflows.fireEvent, logger: log }), ...metricRoutes(knex, { now: opts.now })],
    bindHooks: plugins.bindHooks,
    metrics,
    metricsToken: readConfig().TESSERA_METRICS_TOKEN,
    readiness: { appName: () => state.app.name, running: () => !closing },
    accessLog: opts.logger?.access,
    trace: tracing?.request,
  });
  const servers = new Set<Server>();

  return {
    koa,
    routes,
    pluralsOf: (route) => (route.entity ? [...state.byPlural.entries()].filter(([, e]) => route.appliesTo?.(e, state) ?? true).map(([plural]) => plural) : []),
    knex,
    dataDir: (knex as { tesseraDataDir?: string }).tesseraDataDir,
    bootstrap,
    version: () => state.version,
    app: () => state.app,
    publish,
    migrations,
    jobs,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise<Listening>((resolve, reject) => {
        const server = koa.listen(port, host);
        server.once('error', reject);
        server.once('listening', () => {
          servers.add(server);
          const address = server.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
          resolve({ url: `http://${shown}:${actualPort}`, close: () => closeServer(server, servers, opts.drainMs ?? DEFAULT_DRAIN_MS) });
        });
      });
    },
    async close() {
      // /readyz turns 503 at once, so a load balancer stops sending while in-flight requests finish.
      closing = true;
      await Promise.all([...servers].map((s) => closeServer(s, servers, opts.drainMs ?? DEFAULT_DRAIN_MS)));
      await listener?.close();
      reports.stop();
      await jobs.stop();
      await plugins.stop();
      await workflows.stop();
      await knex.destroy();
      // After everything that makes spans has stopped: the last batch leaves now.
      await tracing?.shutdown();
    },
  };
}

/** How long a stopping server lets requests in flight (an export, an upload) finish. */
export const DEFAULT_DRAIN_MS = 25_000;

/**
 * Stops accepting, lets requests in flight finish (idle keep-alive connections close now),
 * and after `drainMs` cuts whatever is left: a SIGTERM mid-export still delivers the file.
 */
function closeServer(server: Server, servers: Set<Server>, drainMs: number): Promise<void> {
  servers.delete(server);
  return new Promise((resolve) => {
    const deadline = setTimeout(() => server.closeAllConnections(), drainMs);
    // A keep-alive connection turns idle when its last answer is sent: close it then, not at the deadline.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    deadline.unref();
    sweep.unref();
    server.close(() => {
      clearTimeout(deadline);
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}
