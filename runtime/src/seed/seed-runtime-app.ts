import { loadAppDir } from '../app-files/load-app-dir';
import { compileAppState } from '../meta/compile-app-state';
import type { Runtime } from '../runtime-types';
import { seedApp } from './seed-app';
import type { SeedOptions, SeedResult } from './seed-types';

/** Seeds a running runtime's published app; the field-type registry comes from the app folder's plugins. */
export async function seedRuntimeApp(runtime: Runtime, appDir: string, options: Partial<SeedOptions> = {}, progress?: (line: string) => void): Promise<SeedResult> {
  const loaded = await loadAppDir(appDir);
  if (!loaded.ok) throw new Error(`The app in ${appDir} has errors; run tessera validate ${appDir}`);
  return seedApp(runtime.knex, compileAppState(runtime.app(), runtime.version(), loaded.registry), options, progress);
}
