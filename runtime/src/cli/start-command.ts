import cluster from 'node:cluster';
import path from 'node:path';
import { createRuntime } from '../runtime';
import type { BootstrapResult } from '../auth/bootstrap-users';
import { seedResultLines } from '../seed/seed-result-lines';
import { seedRuntimeApp } from '../seed/seed-runtime-app';
import type { CliIo } from './cli-types';
import { reportListening, superviseWorkers } from './cluster-workers';
import { readConfig } from '../config/read-config';
import { createLogger } from '../observe/create-logger';

/** What the first start created, so the person who ran it knows how to sign in. */
export function bootstrapLines(result: BootstrapResult): string[] {
  switch (result.kind) {
    case 'admin':
      return ['Created the administrator "admin" with the password in TESSERA_ADMIN_PASSWORD.'];
    case 'demo': {
      const width = Math.max(...result.users.map((u) => u.username.length));
      return [
        'Demo users (DEMO ONLY: the passwords are public; set TESSERA_ADMIN_PASSWORD for a real deployment):',
        ...result.users.map((u) => `  ${u.username.padEnd(width)}  ${u.password.padEnd(20)}  ${u.roles.join(', ')}`),
      ];
    }
    case 'none':
      return ['No users exist yet. Set TESSERA_ADMIN_PASSWORD and restart, or run: tessera user add admin --role admin'];
    default:
      return [];
  }
}

/** `tessera start [appDir]`: serve the app until SIGINT/SIGTERM, in `TESSERA_WORKERS` processes. */
export async function startCommand(appDir: string, loud: CliIo): Promise<void> {
  // Every variable checked before anything starts: a bad one stops here, named (docs/configuration.md).
  const env = readConfig(process.env);
  if (env.TESSERA_WORKERS > 1 && cluster.isPrimary) return superviseWorkers(env.TESSERA_WORKERS, loud);
  // Workers after the first say nothing: the first one already printed the address and the users.
  const io: CliIo = env.TESSERA_WORKER_QUIET ? { out: () => undefined, err: loud.err } : loud;
  const runtime = await createRuntime({
    appDir,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.TESSERA_DATA_DIR,
    webDir: path.join(appDir, 'dist', 'app'),
    designerDir: path.join(appDir, 'dist', 'designer'),
    adminPassword: env.TESSERA_ADMIN_PASSWORD,
    trustProxy: env.TESSERA_TRUST_PROXY,
    // JSON lines (pino) with an access line per request; the banner below stays plain text.
    logger: createLogger(env.TESSERA_LOG_LEVEL),
  });
  // The first start of the example (demo users just created) also gets its 1,000 demo customers;
  // seedApp skips by itself if customers exist or the app is not the CRM. TESSERA_SEED=0 opts out.
  if (runtime.bootstrap.kind === 'demo' && env.TESSERA_SEED) {
    io.out('First start: seeding the demo data (TESSERA_SEED=0 skips this)…');
    for (const line of seedResultLines(await seedRuntimeApp(runtime, appDir, {}, io.out))) io.out(line);
  }
  const server = await runtime.listen(env.PORT, env.HOST);
  const shownUrl = server.url.replace('127.0.0.1', 'localhost');
  reportListening(server.url);
  io.out(`Tessera is running at ${shownUrl}`);
  io.out(`Designer: ${shownUrl}/designer/`);
  io.out(runtime.dataDir ? `Data folder: ${runtime.dataDir}` : 'Data: PostgreSQL (DATABASE_URL)');
  for (const line of bootstrapLines(runtime.bootstrap)) io.out(line);
  const stop = async () => {
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

