import type { AppDefinition } from '@tessera/metadata';

export type VersionSource = 'files' | 'designer';

/** One row of `tessera.metadata_versions`. */
export interface StoredVersion {
  id: number;
  appName: string;
  version: number;
  definition: AppDefinition;
  source: VersionSource;
  sourceHash: string;
  createdAt: string;
}
