import type { PluginDefinition } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import { createUserStore, type NewUser } from '../auth/create-user-store';
import { createRuntime } from '../runtime';
import type { Runtime, RuntimeOptions } from '../runtime-types';
import { createSessionClient, type SessionClient } from './create-session-client';

export interface TestRuntimeOptions {
  app?: AppDefinition;
  appDir?: string;
  /** PostgreSQL URL; without it an in-memory PGlite (or `dataDir`). */
  databaseUrl?: string;
  dataDir?: string;
  plugins?: PluginDefinition[];
  webDir?: string;
  designerDir?: string;
  /** How long plugin hooks may run (issue 9); tests of a hanging hook shorten it. */
  pluginTimeoutMs?: number;
  /** Seed the app folder's demo users (`seed/users.json`) instead of the test admin. */
  demoUsers?: boolean;
  /** The runtime's clock (migrations, recurring jobs); tests of schedules inject one. */
  now?: () => Date;
  /** Where the runtime logs (quiet by default; TESSERA_TEST_LOG prints to the console). */
  logger?: RuntimeOptions['logger'];
  /** Trust X-Forwarded-* (behind a TLS-terminating proxy). */
  trustProxy?: boolean;
  /** Recurring job schedules (pool return cron, time zone). */
  jobs?: RuntimeOptions['jobs'];
}

export interface TestRuntime {
  /** `http://127.0.0.1:<port>`; append `/api/...`. */
  url: string;
  runtime: Runtime;
  /** Signed in as `admin` (the bootstrap admin, or the demo admin with `demoUsers`). */
  admin: SessionClient;
  /** The admin's password in this runtime. */
  adminPassword: string;
  /** Signs in through the real login endpoint. */
  login(username: string, password: string): Promise<SessionClient>;
  /** Creates a user directly in the database (argon2id like any other). */
  createUser(user: NewUser): Promise<{ id: string }>;
  close(): Promise<void>;
}

/** The password of the admin every test runtime starts with; test-only, like the in-memory database. */
export const TEST_ADMIN_PASSWORD = 'test-admin-password';
export const DEMO_ADMIN_PASSWORD = 'admin-demo-123';

/** A real runtime on a real port (0: any free one), for tests that speak HTTP with fetch, with an admin signed in. */
export async function createTestRuntime(opts: TestRuntimeOptions): Promise<TestRuntime> {
  const quiet = { error: () => undefined, info: () => undefined };
  const { demoUsers, ...rest } = opts;
  const runtime = await createRuntime({
    ...rest,
    dataDir: opts.databaseUrl ? undefined : (opts.dataDir ?? 'memory://'),
    logger: opts.logger ?? (process.env.TESSERA_TEST_LOG ? console : quiet),
    adminPassword: demoUsers ? undefined : TEST_ADMIN_PASSWORD,
  });
  try {
    const { url } = await runtime.listen(0, '127.0.0.1');
    const adminPassword = demoUsers ? DEMO_ADMIN_PASSWORD : TEST_ADMIN_PASSWORD;
    const login = (username: string, password: string) => createSessionClient(url, username, password);
    const users = createUserStore(runtime.knex);
    return {
      url,
      runtime,
      admin: await login('admin', adminPassword),
      adminPassword,
      login,
      createUser: async (user) => ({ id: (await users.create(user)).id }),
      close: () => runtime.close(),
    };
  } catch (err) {
    await runtime.close();
    throw err;
  }
}
