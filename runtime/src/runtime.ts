import type { Server } from 'node:http';
import { validateAppWithRegistry, type FieldTypeRegistry } from '@tessera/engine';
import { formatMetadataError, type AppDefinition, type MetadataError } from '@tessera/metadata';
import { createAppRegistry, loadAppDir } from './app-files/load-app-dir';
import { bootstrapUsers, type BootstrapResult } from './auth/bootstrap-users';
import { ensureAuthSchema } from './auth/ensure-auth-schema';
import { createDatabase } from './db/create-database';
import { HttpError } from './errors/http-error';
import { createKoaApp } from './http/create-koa-app';
import { applyAppVersion } from './meta/apply-app-version';
import { compileAppState, type AppState } from './meta/compile-app-state';
import { hashApp } from './meta/hash-app';
import { syncStartupVersion } from './meta/sync-startup-version';
import type { Listening, Runtime, RuntimeOptions } from './runtime-types';

const invalidMetadata = (errors: MetadataError[]) =>
  new HttpError(422, 'invalid_metadata', `The metadata has ${errors.length} error(s): ${errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`,
    errors.map(({ pointer, code, message, hint }) => ({ pointer, code, message, hint })));

/** The app and its field-type registry, from `opts.app` or the files in `opts.appDir`. */
async function readApp(opts: RuntimeOptions): Promise<{ app: AppDefinition; registry: FieldTypeRegistry }> {
  if (opts.app) return { app: opts.app, registry: createAppRegistry(opts.app.plugins ?? [], opts.appDir, opts.plugins) };
  if (!opts.appDir) throw new Error('createRuntime needs an app or an appDir');
  const loaded = await loadAppDir(opts.appDir, opts.plugins);
  if (!loaded.ok) throw new Error(`The app in ${opts.appDir} has errors:\n${loaded.errors.map(formatMetadataError).join('\n')}`);
  return loaded;
}

/** Metadata rules plus what only the registered field types know (engine checks). */
function validateWith(registry: FieldTypeRegistry, app: unknown) {
  return validateAppWithRegistry(app, registry);
}

/** Boots a Tessera app: database, metadata version, schema sync, HTTP. */
export async function createRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const { app: filesApp, registry } = await readApp(opts);
  const checked = validateWith(registry, filesApp);
  if (!checked.ok) throw new Error(`The app "${filesApp.name}" is not valid:\n${checked.errors.map(formatMetadataError).join('\n')}`);

  const knex = createDatabase({ url: opts.databaseUrl, dataDir: opts.dataDir });
  let state: AppState;
  let bootstrap: BootstrapResult;
  try {
    const { stored } = await syncStartupVersion(knex, registry, checked.value);
    state = compileAppState(stored.definition, stored.version, registry);
    // Identity tables beside metadata_versions in the bookkeeping schema, then the first users.
    await ensureAuthSchema(knex);
    bootstrap = await bootstrapUsers(knex, { adminPassword: opts.adminPassword, appDir: opts.appDir });
  } catch (err) {
    await knex.destroy();
    throw err;
  }

  const publish = async (app: unknown, baseVersion: number) => {
    const result = validateWith(registry, app);
    if (!result.ok) throw invalidMetadata(result.errors);
    if (result.value.name !== state.app.name) {
      throw invalidMetadata([{ pointer: '/name', code: 'app-name-changed', message: `The app is "${state.app.name}"; a publish cannot rename it to "${result.value.name}"`, hint: `Keep "name": "${state.app.name}"` }]);
    }
    const stored = await applyAppVersion({ knex, registry, app: result.value, source: 'designer', hash: hashApp(result.value), baseVersion });
    // Requests read the state per call, so swapping it changes the API at once.
    state = compileAppState(stored.definition, stored.version, registry);
    return { version: stored.version };
  };

  const koa = createKoaApp({ knex, getState: () => state, publish, webDir: opts.webDir, designerDir: opts.designerDir, logger: opts.logger });
  const servers = new Set<Server>();

  return {
    koa,
    knex,
    dataDir: (knex as { tesseraDataDir?: string }).tesseraDataDir,
    bootstrap,
    version: () => state.version,
    app: () => state.app,
    publish,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise<Listening>((resolve, reject) => {
        const server = koa.listen(port, host);
        server.once('error', reject);
        server.once('listening', () => {
          servers.add(server);
          const address = server.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
          resolve({ url: `http://${shown}:${actualPort}`, close: () => closeServer(server, servers) });
        });
      });
    },
    async close() {
      await Promise.all([...servers].map((s) => closeServer(s, servers)));
      await knex.destroy();
    },
  };
}

function closeServer(server: Server, servers: Set<Server>): Promise<void> {
  servers.delete(server);
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
