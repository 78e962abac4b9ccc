import type { PluginDefinition } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import type Koa from 'koa';
import type { RouteDeclaration } from './http/route-types';
import type { AccessEntry } from './observe/access-log';
import type { BootstrapResult } from './auth/bootstrap-users';
import type { JobSettings } from './jobs/app-jobs';
import type { RecurringJobs } from './jobs/create-recurring-jobs';
import type { Logger } from './http/error-handler';
import type { RequestState } from './http/http-types';
import type { AppMigrations } from './migrate/create-app-migrations';
import type { MigrationChoices, MigrationResult } from './migrate/migrate-types';

export interface RuntimeOptions {
  /** The app itself, or… */
  app?: AppDefinition;
  /** …the folder holding app.json, entities/, layouts/. */
  appDir?: string;
  /** PostgreSQL URL; without it, embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** Built end-user app (served at `/`) and designer (served at `/designer/`). */
  webDir?: string;
  /** Behind a reverse proxy that terminates TLS: trust X-Forwarded-For/-Proto (session cookies `Secure`, lockouts by client address). */
  trustProxy?: boolean;
  designerDir?: string;
  /** Plugins already loaded by the caller, in addition to those app.json names. */
  plugins?: PluginDefinition[];
  /**
   * Replaces the plugin names app.json lists (`[]`: none of them). For runs that must not
   * carry plugin work, like the API benchmarks; a field whose type a left-out plugin provides
   * still fails the start, so keep the field-type plugins. Initial settings of left-out
   * plugins are ignored.
   */
  appPlugins?: readonly string[];
  logger?: Logger & Pick<Console, 'info'> & { access?(entry: AccessEntry): void };
  /** How long closing waits for requests in flight (default 25 s). */
  drainMs?: number;
  /**
   * On first start (no user yet) create user `admin` with this password. Without it, an app
   * folder with `seed/users.json` gets its demo users. `tessera start` passes
   * `TESSERA_ADMIN_PASSWORD`; the runtime itself never reads the environment for it.
   */
  adminPassword?: string;
  /** The clock that names archive tables and stamps the migration history; tests inject one. */
  now?: () => Date;
  /** How long a plugin hook or route may run before its operation fails with 504 (default 2000 ms). */
  pluginTimeoutMs?: number;
  /** Recurring job schedules; unset ones come from TESSERA_POOL_RETURN_CRON / TESSERA_JOBS_TZ. */
  jobs?: JobSettings;
}

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export interface Runtime {
  koa: Koa<RequestState>;
  /** Every HTTP route the runtime serves, as declared (the authorization matrix test walks it). */
  routes: readonly RouteDeclaration[];
  /** The plurals an entity route serves in the published app (all entities it applies to; none for other routes). */
  pluralsOf(route: RouteDeclaration): string[];
  knex: Knex;
  /** Where PGlite keeps its data; undefined on PostgreSQL or in memory. */
  dataDir: string | undefined;
  /** Who was created at this start: nobody new, the admin, or the demo users (with passwords, to print). */
  bootstrap: BootstrapResult;
  version(): number;
  app(): AppDefinition;
  listen(port?: number, host?: string): Promise<Listening>;
  /** Validates, plans, applies and stores `app` as the next version (source `designer`). */
  publish(app: unknown, baseVersion: number, choices?: MigrationChoices & { appliedBy?: string }): Promise<MigrationResult>;
  /** Preview, publish, rollback and history of metadata migrations (issue 3). */
  migrations: AppMigrations;
  /** Recurring jobs: the pool return, date reminders, plugin jobs (`GET /api/_meta/jobs`). */
  jobs: RecurringJobs;
  close(): Promise<void>;
}
