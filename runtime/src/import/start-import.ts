import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { HttpError, validationFailed } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess, type RecordAccess } from '../permissions/record-access';
import { importableFields, mappingProblems } from './import-fields';
import { IMPORT_LEASE_SECONDS, rememberMapping } from './import-store';
import { DUPLICATE_MODES, type DuplicateMode, type ImportLocale, type ImportMapping, type ImportRow } from './import-types';
import { runImportInBackground, type ImportJobDeps } from './run-import';

export interface StartImportInput {
  mapping: unknown;
  mode: unknown;
}

/**
 * Starts an uploaded import with a mapping and a duplicate mode: `skip` rows that match an
 * existing record by one of the entity's unique keys, `update` the match, or `create` anyway.
 * Update needs the update grant too (403). The mapping is remembered for the user's next
 * import of the entity; the rows run in the background (run-import).
 */
export async function startImport(deps: ImportJobDeps, state: AppState, user: AuthUser, entity: CompiledEntity, ra: RecordAccess, row: ImportRow, input: StartImportInput, locale: ImportLocale): Promise<void> {
  if (row.status !== 'uploaded') throw new HttpError(409, 'import_started', `The import was already started (it is ${row.status})`);
  const problems = mappingProblems(input.mapping, row.columns, importableFields(state, ra)).map((message) => ({ field: 'mapping', rule: 'invalid-value', message }));
  const mode = input.mode ?? 'skip';
  if (!DUPLICATE_MODES.includes(mode as DuplicateMode)) problems.push({ field: 'mode', rule: 'enum', message: `must be one of ${DUPLICATE_MODES.join(', ')}` });
  if (problems.length > 0) throw validationFailed(problems);
  const mapping = Object.fromEntries(row.columns.map((c) => [c, (input.mapping as ImportMapping)[c] ?? null])) as ImportMapping;
  if (!Object.values(mapping).some((f) => f !== null)) throw validationFailed([{ field: 'mapping', rule: 'required', message: 'map at least one column to a field' }]);
  if (mode === 'update') recordAccess(user, state, entity, 'update');
  const started = await deps.knex('tessera.imports')
    .where({ id: row.id, status: 'uploaded' })
    .update({ status: 'running', mode, mapping: JSON.stringify(mapping), locale, started_at: deps.knex.fn.now(), lease_until: deps.knex.raw(`now() + interval '${IMPORT_LEASE_SECONDS} seconds'`) })
    .returning('id');
  if (started.length === 0) throw new HttpError(409, 'import_started', 'The import was already started');
  await rememberMapping(deps.knex as Knex, state.app.name, row.entity, user.id, mapping);
  void runImportInBackground(deps, row.id);
}
