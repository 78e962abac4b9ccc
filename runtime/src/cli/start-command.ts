import cluster from 'node:cluster';
import path from 'node:path';
import { createRuntime } from '../runtime';
import type { BootstrapResult } from '../auth/bootstrap-users';
import { seedResultLines } from '../seed/seed-result-lines';
import { seedRuntimeApp } from '../seed/seed-runtime-app';
import type { CliIo } from './cli-types';
import { reportListening, superviseWorkers, workerCount } from './cluster-workers';

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
  const workers = workerCount(process.env, Boolean(process.env.DATABASE_URL));
  if (workers > 1 && cluster.isPrimary) return superviseWorkers(workers, loud);
  // Workers after the first say nothing: the first one already printed the address and the users.
  const io: CliIo = process.env.TESSERA_WORKER_QUIET ? { out: () => undefined, err: loud.err } : loud;
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  const runtime = await createRuntime({
    appDir,
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.TESSERA_DATA_DIR || undefined,
    webDir: path.join(appDir, 'dist', 'app'),
    designerDir: path.join(appDir, 'dist', 'designer'),
    adminPassword: process.env.TESSERA_ADMIN_PASSWORD || undefined,
    trustProxy: readTrustProxy(process.env.TESSERA_TRUST_PROXY),
  });
  // The first start of the example (demo users just created) also gets its 1,000 demo customers;
  // seedApp skips by itself if customers exist or the app is not the CRM. TESSERA_SEED=0 opts out.
  if (runtime.bootstrap.kind === 'demo' && process.env.TESSERA_SEED !== '0') {
    io.out('First start: seeding the demo data (TESSERA_SEED=0 skips this)…');
    for (const line of seedResultLines(await seedRuntimeApp(runtime, appDir, {}, io.out))) io.out(line);
  }
  const server = await runtime.listen(port, process.env.HOST ?? '127.0.0.1');
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

/** `TESSERA_TRUST_PROXY`: true/1 behind a TLS-terminating proxy; anything else but false/0/empty is a mistake worth stopping for. */
export function readTrustProxy(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new Error(`TESSERA_TRUST_PROXY must be true or false, got "${value}"`);
}
