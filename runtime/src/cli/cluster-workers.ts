import cluster from 'node:cluster';
import { readConfig } from '../config/read-config';
import type { CliIo } from './cli-types';

/**
 * How many processes serve the app: `TESSERA_WORKERS` (a count, or `auto` for one per core),
 * default 1. Embedded PGlite lives inside one process, so without `DATABASE_URL` it is always 1.
 */
export function workerCount(env: NodeJS.ProcessEnv): number {
  return readConfig(env).TESSERA_WORKERS;
}

/** What a worker tells the primary once it listens. */
export interface WorkerReady { type: 'tessera:listening'; url: string }

/**
 * The primary of `tessera start` with several workers (node:cluster; they share the port).
 * Every piece of shared state is already in PostgreSQL (sessions, login throttling, idempotency
 * keys, jobs) and a publish reaches every process by LISTEN/NOTIFY, so workers need no
 * coordination. The first worker starts alone — it creates the bootstrap users and the demo data
 * — and the others once it listens; a worker that dies is replaced.
 */
export async function superviseWorkers(count: number, io: CliIo): Promise<void> {
  let stopping = false;
  const fork = (quiet: boolean) =>
    new Promise<void>((resolve, reject) => {
      let listening = false;
      const worker = cluster.fork({ TESSERA_WORKER_QUIET: quiet ? '1' : '' });
      worker.on('message', (msg: WorkerReady) => {
        if (msg?.type !== 'tessera:listening') return;
        listening = true;
        resolve();
      });
      worker.once('exit', (code) => {
        // One that never came up has a reason that another attempt would only repeat.
        if (!listening) return reject(new Error(`worker ${worker.id} exited with code ${code} before it listened`));
        if (stopping) return;
        io.err(`worker ${worker.id} exited (code ${code}); starting another`);
        setTimeout(() => void fork(true).catch((err: Error) => io.err(err.message)), 1000);
      });
    });
  await fork(false);
  await Promise.all(Array.from({ length: count - 1 }, () => fork(true)));
  io.out(`${count} worker processes are serving the app.`);
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    cluster.on('exit', () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** In a worker: tell the primary this worker serves requests. */
export function reportListening(url: string): void {
  if (cluster.isWorker) process.send?.({ type: 'tessera:listening', url } satisfies WorkerReady);
}
