import { formatMetadataError } from '@tessera/metadata';
import { loadAppDir } from '../app-files/load-app-dir';
import type { CliIo } from './cli-types';

/** `tessera validate <dir>`: every error, one `file:line:col code: message (hint)` per line; exit 1 on any. */
export async function validateCommand(appDir: string, io: CliIo): Promise<number> {
  const loaded = await loadAppDir(appDir);
  if (loaded.ok) {
    io.result?.({ valid: true, entities: loaded.app.entities.length, layouts: loaded.app.layouts.length });
    io.out(`${appDir}: valid (${loaded.app.entities.length} entities, ${loaded.app.layouts.length} layouts)`);
    return 0;
  }
  io.result?.({ valid: false, problems: loaded.errors.map(formatMetadataError) });
  for (const error of loaded.errors) io.err(formatMetadataError(error));
  io.err(`${loaded.errors.length} error(s) in ${appDir}`);
  return 1;
}
