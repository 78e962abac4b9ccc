import type { PluginDefinition } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import { createRuntime } from '../runtime';
import type { Runtime } from '../runtime-types';

export interface TestRuntimeOptions {
  app?: AppDefinition;
  appDir?: string;
  /** PostgreSQL URL; without it an in-memory PGlite (or `dataDir`). */
  databaseUrl?: string;
  dataDir?: string;
  plugins?: PluginDefinition[];
  webDir?: string;
  designerDir?: string;
}

export interface TestRuntime {
  /** `http://127.0.0.1:<port>`; append `/api/...`. */
  url: string;
  runtime: Runtime;
  close(): Promise<void>;
}

/** A real runtime on a real port (0: any free one), for tests that speak HTTP with fetch. */
export async function createTestRuntime(opts: TestRuntimeOptions): Promise<TestRuntime> {
  const quiet = { error: () => undefined, info: () => undefined };
  const runtime = await createRuntime({
    ...opts,
    dataDir: opts.databaseUrl ? undefined : (opts.dataDir ?? 'memory://'),
    logger: process.env.TESSERA_TEST_LOG ? console : quiet,
  });
  const { url } = await runtime.listen(0, '127.0.0.1');
  return { url, runtime, close: () => runtime.close() };
}
