import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { waitFor } from '@tessera/runtime';

const ROOT = path.resolve(__dirname, '..', '..');

export interface StartedProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
}

/**
 * `tessera start` as an operator runs it: its own OS process on `databaseUrl`, no demo seed,
 * until `ready` matches what it printed (by default the address line).
 */
export async function startTesseraProcess(databaseUrl: string, env: Record<string, string>, ready = /Tessera is running at/, timeoutMs = 120_000): Promise<StartedProcess> {
  let output = '';
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'runtime/src/cli/main.ts', 'start'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, TESSERA_DATA_DIR: '', PORT: '0', HOST: '127.0.0.1', TESSERA_SEED: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor('the server to start', async () => (ready.test(output) ? true : child.exitCode !== null ? Promise.reject(new Error(output)) : undefined), timeoutMs);
  const url = /Tessera is running at (http:\/\/\S+)/.exec(output)![1].replace('localhost', '127.0.0.1');
  return { child, url, output: () => output };
}
