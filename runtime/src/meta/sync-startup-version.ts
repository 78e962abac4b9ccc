import type { FieldTypeRegistry } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import { isHttpError } from '../errors/http-error';
import { applyMigration } from '../migrate/apply-migration';
import { chooseStartupVersion } from './choose-startup-version';
import { createMetadataStore } from './create-metadata-store';
import { applyInternalMigrations } from '../db/internal-migrations';
import { hashApp } from './hash-app';
import type { StoredVersion } from './meta-types';

/**
 * At start: decides between the stored latest version and the app read from files (see
 * chooseStartupVersion) and, when the files win, applies them as a new version. A start
 * never confirms destructive steps or answers prechecks: those need `tessera migrate apply`.
 */
export async function syncStartupVersion(knex: Knex, registry: FieldTypeRegistry, filesApp: AppDefinition): Promise<{ stored: StoredVersion; reason: string }> {
  // Tessera's own tables first (versioned, recorded): a database of an older release is upgraded here.
  await applyInternalMigrations(knex);
  const store = createMetadataStore(knex);
  const filesHash = hashApp(filesApp);
  // Two processes may start at once; the loser of the version race re-reads and decides again.
  for (let attempt = 0; ; attempt++) {
    const latest = await store.latest(filesApp.name);
    const lastFileImport = await store.lastFromSource(filesApp.name, 'files');
    const choice = chooseStartupVersion({ latest, lastFileImport, filesHash });
    if (choice.action === 'keep') return { stored: latest!, reason: choice.reason };
    try {
      const { stored } = await applyMigration({ knex, registry, app: filesApp, source: 'files', hash: filesHash, baseVersion: latest?.version ?? 0, appliedBy: 'startup' });
      return { stored, reason: choice.reason };
    } catch (err) {
      if (isHttpError(err) && err.code === 'version_conflict' && attempt < 2) continue;
      if (isHttpError(err)) {
        const details = (err.details ?? []).map((d) => `\n  - ${(d as { message?: string }).message ?? JSON.stringify(d)}`).join('');
        throw new Error(`Cannot apply the app's metadata files (${err.code}): ${err.message}${details}\nPreview with \`tessera migrate plan <appDir>\`; apply with \`tessera migrate apply <appDir> --yes\`.`);
      }
      throw err;
    }
  }
}
