import path from 'node:path';
import { createRuntime } from '../runtime';
import type { CliIo } from './cli-types';

/** `tessera start [appDir]`: serve the app until SIGINT/SIGTERM. */
export async function startCommand(appDir: string, io: CliIo): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  const runtime = await createRuntime({
    appDir,
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.TESSERA_DATA_DIR || undefined,
    webDir: path.join(appDir, 'dist', 'app'),
    designerDir: path.join(appDir, 'dist', 'designer'),
  });
  // Localhost unless HOST says otherwise: there is no sign-in yet (README).
  const server = await runtime.listen(port, process.env.HOST ?? '127.0.0.1');
  const shownUrl = server.url.replace('127.0.0.1', 'localhost');
  io.out(`Tessera is running at ${shownUrl}`);
  io.out(`Designer: ${shownUrl}/designer/`);
  io.out(runtime.dataDir ? `Data folder: ${runtime.dataDir}` : 'Data: PostgreSQL (DATABASE_URL)');
  const stop = async () => {
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
