import { readConfig } from '../config/read-config';
import path from 'node:path';
import { createRuntime } from '../runtime';
import { seedResultLines } from '../seed/seed-result-lines';
import { seedRuntimeApp } from '../seed/seed-runtime-app';
import type { CliIo } from './cli-types';

const SCALES = [1000, 100000];

/**
 * `tessera seed [appDir] [--scale 1000|100000]`: deterministic demo data for the example CRM in
 * DATABASE_URL / TESSERA_DATA_DIR. Boots the runtime first (schema sync, demo users on a fresh
 * database), so it works on an empty database. Skips, writing nothing, if customers exist.
 */
export async function seedCommand(appDir: string, scale: string | undefined, io: CliIo): Promise<number> {
  const customers = scale === undefined ? 1000 : Number(scale);
  if (!SCALES.includes(customers)) {
    io.err(`tessera seed: --scale must be one of ${SCALES.join(', ')}, got "${scale}"`);
    return 1;
  }
  const runtime = await createRuntime({
    appDir: path.resolve(appDir),
    databaseUrl: readConfig().DATABASE_URL,
    dataDir: readConfig().TESSERA_DATA_DIR,
    adminPassword: readConfig().TESSERA_ADMIN_PASSWORD,
  });
  try {
    io.out(`Seeding ${customers} customers into ${runtime.dataDir ?? 'PostgreSQL (DATABASE_URL)'}…`);
    const result = await seedRuntimeApp(runtime, appDir, { customers }, io.progress ?? io.out);
    for (const line of seedResultLines(result)) io.out(line);
    io.result?.({ ...result });
    return 0;
  } finally {
    await runtime.close();
  }
}
