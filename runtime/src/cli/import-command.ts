import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AuthUser, UserRow } from '../auth/auth-types';
import { rowToAuthUser } from '../auth/create-user-store';
import { readConfig } from '../config/read-config';
import { isHttpError } from '../errors/http-error';
import { createImport } from '../import/create-import';
import { previewImport, proposedMapping } from '../import/preview-import';
import { rejectedFile } from '../import/rejected-file';
import type { ImportLocale, ImportRow } from '../import/import-types';
import { importFinished } from '../import/run-import';
import { startImport } from '../import/start-import';
import { recordAccess } from '../permissions/record-access';
import { createRuntime } from '../runtime';
import { loadAppDir } from '../app-files/load-app-dir';
import { compileAppState } from '../meta/compile-app-state';
import type { CliIo } from './cli-types';

export const IMPORT_USAGE = `Usage: tessera import <entity> <file.csv|file.xlsx> [--mapping mapping.json] [--mode skip|update|create]
                      [--app dir] [--user username] [--locale en|zh]
  Imports rows into DATABASE_URL / TESSERA_DATA_DIR through the same checks as the API, as --user
  (default: the oldest active admin). mapping.json: { "<column header>": "<field name>" | null }
  (default: by field name and label, or your last mapping). Rejected rows go to <file>.rejected.csv.`;

/** `tessera import`: the API's import (upload → mapping → background run) from a terminal, printing progress. */
export async function importCommand(argv: string[], io: CliIo, defaultAppDir: string): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (err) {
    io.err(`tessera import: ${(err as Error).message}\n${IMPORT_USAGE}`);
    return 1;
  }
  const [entityName, file] = args.positionals;
  if (args.values.help || !entityName || !file) {
    io.out(IMPORT_USAGE);
    return args.values.help ? 0 : 1;
  }
  const mode = args.values.mode ?? 'skip';
  const locale: ImportLocale = args.values.locale === 'zh' ? 'zh' : 'en';
  const appDir = path.resolve(args.values.app ?? defaultAppDir);
  const loaded = await loadAppDir(appDir);
  if (!loaded.ok) {
    io.err(`tessera import: the app in ${appDir} has errors; run tessera validate ${appDir}`);
    return 1;
  }
  const runtime = await createRuntime({ appDir, databaseUrl: readConfig().DATABASE_URL, dataDir: readConfig().TESSERA_DATA_DIR, adminPassword: readConfig().TESSERA_ADMIN_PASSWORD, logger: { error: (m: unknown) => io.err(String(m)), info: () => undefined } });
  const { knex } = runtime;
  try {
    // The published app as the server compiles it; the field types come from the app folder's plugins.
    const currentState = () => compileAppState(runtime.app(), runtime.version(), loaded.registry);
    const appState = currentState();
    const entity = [...appState.byPlural.values()].find((e) => e.entity['x-name'] === entityName || e.entity['x-plural'] === entityName);
    if (!entity) {
      io.err(`tessera import: no entity "${entityName}" (entities: ${[...appState.byPlural.values()].map((e) => e.entity['x-name']).join(', ')})`);
      return 1;
    }
    const user = await actingUser(knex, args.values.user);
    if (!user) {
      io.err(args.values.user ? `tessera import: "${args.values.user}" is not an active user` : 'tessera import: there is no active admin to import as; pass --user');
      return 1;
    }
    const ra = recordAccess(user, appState, entity, 'create');
    const bytes = await readFile(file);
    const row: ImportRow = await knex('tessera.imports').where({ id: (await createImport(knex, appState, user, entity, path.basename(file), bytes)).id }).first();
    const mapping = args.values.mapping ? JSON.parse(await readFile(args.values.mapping, 'utf8')) : (await proposedMapping(knex, appState, user, ra, row)).mapping;
    io.out(`${row.file_name}: ${row.total} rows, ${row.format}${row.encoding ? ` (${row.encoding})` : ''}`);
    for (const [column, field] of Object.entries(mapping)) io.out(`  ${column} → ${field ?? '(not imported)'}`);
    const preview = await previewImport(knex, appState, user, entity, ra, row, mapping, locale);
    for (const problem of preview.problems) io.err(`  ! ${problem.message}`);
    await startImport({ knex, getState: currentState, logger: { error: (m: string) => io.err(m) } }, appState, user, entity, ra, row, { mapping, mode }, locale);
    let last = -1;
    const report = async () => {
      const now: ImportRow = await knex('tessera.imports').where({ id: row.id }).first(knex.raw('tessera.imports.*, null as content'));
      if (now.processed !== last) (io.progress ?? io.out)(`${now.processed}/${now.total} rows — created ${now.created}, updated ${now.updated}, skipped ${now.skipped}, rejected ${now.rejected}`);
      last = now.processed;
      return now;
    };
    const ticker = setInterval(() => void report().catch(() => undefined), 1000);
    await importFinished(row.id);
    clearInterval(ticker);
    const done = await report();
    if (done.status !== 'done') {
      io.err(`tessera import: the import failed: ${done.error ?? done.status}`);
      return 1;
    }
    if (done.rejected > 0) {
      const out = `${file.replace(/\.(csv|xlsx|txt)$/i, '')}.rejected.csv`;
      await writeFile(out, await rejectedFile(knex, done, locale));
      io.out(`${done.rejected} row(s) rejected, with reasons, in ${out}`);
    }
    io.result?.({ import: done.id, total: done.total, created: done.created, updated: done.updated, skipped: done.skipped, rejected: done.rejected });
    io.out(`Import ${done.id} done (revert: POST /api/${entity.entity['x-plural']}/imports/${done.id}/revert)`);
    return 0;
  } catch (err) {
    // A refusal (bad file, bad mapping, no grant), a missing file, a mapping that is not JSON.
    io.err(`tessera import: ${(err as Error).message}`);
    if (isHttpError(err)) for (const d of (err.details ?? []) as { field?: string; message?: string }[]) io.err(`  ${d.field ?? ''}: ${d.message ?? ''}`);
    return 1;
  } finally {
    await runtime.close();
  }
}

function parse(argv: string[]) {
  const parsed = parseArgs({ args: argv, allowPositionals: true, options: { mapping: { type: 'string' }, mode: { type: 'string' }, app: { type: 'string' }, user: { type: 'string' }, locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (parsed.values.mode !== undefined && !['skip', 'update', 'create'].includes(parsed.values.mode)) throw new Error(`--mode must be skip, update or create, not "${parsed.values.mode}"`);
  return parsed;
}

async function actingUser(knex: import('knex').Knex, username: string | undefined): Promise<AuthUser | undefined> {
  const query = knex('tessera.users').where({ is_active: true });
  const row: UserRow | undefined = username ? await query.andWhere({ username }).first() : await query.andWhereRaw('? = any(roles)', ['admin']).orderBy('created_at').first();
  return row ? rowToAuthUser(row) : undefined;
}
