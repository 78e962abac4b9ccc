import type { FieldTypeRegistry } from '@tessera/engine';
import { planSchemaSync } from '@tessera/engine/sql';
import type { AppDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import { HttpError } from '../errors/http-error';
import { appSchemaName, appToTableSpecs } from './compile-app-state';
import { createMetadataStore } from './create-metadata-store';
import type { StoredVersion, VersionSource } from './meta-types';

export interface ApplyAppVersionInput {
  knex: Knex;
  registry: FieldTypeRegistry;
  app: AppDefinition;
  source: VersionSource;
  hash: string;
  /** The version the caller based its change on (0 when none is stored); checked under the lock. */
  baseVersion: number;
}

/**
 * Makes `app` the next stored version: plans the schema change from the previous stored
 * version to `app`, and runs the DDL plus the version insert in ONE transaction under an
 * advisory lock on the app, so a failure leaves nothing half-applied and two processes never
 * apply at once. The live schema is taken to be what the previous version produced.
 */
export async function applyAppVersion(input: ApplyAppVersionInput): Promise<StoredVersion> {
  const { knex, registry, app, source, hash, baseVersion } = input;
  return knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`tessera:app:${app.name}`]);
    const store = createMetadataStore(trx);
    const previous = await store.latest(app.name);
    const currentVersion = previous?.version ?? 0;
    if (currentVersion !== baseVersion) {
      throw new HttpError(409, 'version_conflict', `The app is at version ${currentVersion}, but the change was based on version ${baseVersion}; reload and try again`);
    }
    const current = previous ? appToTableSpecs(previous.definition, registry) : [];
    const { steps } = planSchemaSync(current, appToTableSpecs(app, registry));
    const unsupported = steps.filter((step) => step.kind === 'unsupported');
    if (unsupported.length > 0) {
      throw new HttpError(
        422,
        'unsupported_change',
        `This change cannot be applied yet: ${unsupported.map((s) => s.description).join('; ')}`,
        unsupported.map((s) => ({ field: changedField(s.description, appSchemaName(app)) ?? app.name, rule: 'unsupported-change', message: s.description })),
      );
    }
    await trx.raw('create schema if not exists ??', [appSchemaName(app)]);
    for (const step of steps) {
      if (step.kind !== 'unsupported') for (const sql of step.sql) await trx.raw(sql);
    }
    const version = await store.save(app, { source, hash }, trx);
    return { id: 0, appName: app.name, version, definition: app, source, sourceHash: hash, createdAt: new Date().toISOString() };
  });
}

/** `entity.field` named in a step's description (`… app_crm.customer.name …`), for the error detail. */
function changedField(description: string, schema: string): string | undefined {
  const escaped = schema.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}\\.([a-z0-9_]+(?:\\.[a-z0-9_]+)?)`).exec(description)?.[1];
}
