import type { StoredVersion } from './meta-types';

export interface StartupChoice {
  /** `keep`: serve the database's latest version; `import`: the files become a new version. */
  action: 'keep' | 'import';
  reason: string;
}

/**
 * Which metadata to serve when a runtime starts with an app read from files.
 *
 * - Nothing stored yet → import the files.
 * - Latest came from files with the same hash → keep it (a plain restart).
 * - Latest is a designer publish, and the last file import before it has the files' hash →
 *   keep the latest: the files did not change, so designer edits must survive a restart.
 * - Otherwise the files changed since they were last imported → they become a new version
 *   (an implementer who edits the files on purpose wins over older designer edits).
 */
export function chooseStartupVersion(input: {
  latest: StoredVersion | undefined;
  lastFileImport: StoredVersion | undefined;
  filesHash: string;
}): StartupChoice {
  const { latest, lastFileImport, filesHash } = input;
  if (!latest) return { action: 'import', reason: 'no version stored yet' };
  if (latest.source === 'files') {
    return latest.sourceHash === filesHash
      ? { action: 'keep', reason: 'files unchanged since they were imported' }
      : { action: 'import', reason: 'files changed since they were last imported' };
  }
  if (lastFileImport && lastFileImport.sourceHash === filesHash && lastFileImport.version < latest.version) {
    return { action: 'keep', reason: 'files unchanged; keeping the designer publish made after their import' };
  }
  return { action: 'import', reason: 'files changed since they were last imported' };
}
