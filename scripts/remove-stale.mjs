// Used by build-web.mjs: empties a bundle's output folder of what the current build did not write.
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Deletes every file under `dir` that is not in `keep` (absolute paths) and returns how many went.
 * Run after the build rather than before, so a server running from the folder never finds it empty.
 */
export function removeStale(dir, keep) {
  const wanted = new Set(keep.map((f) => resolve(f)));
  let removed = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = resolve(join(dir, entry.name));
    if (entry.isDirectory()) removed += removeStale(path, keep);
    else if (!wanted.has(path)) { rmSync(path); removed++; }
  }
  return removed;
}
