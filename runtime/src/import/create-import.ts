import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import type { ImportRow } from './import-types';
import { scanImportFile } from './read-import-file';

/**
 * Stores an uploaded file as a new import of `entity`, once it reads as a table: a file that
 * does not (wrong encoding, not a spreadsheet, no rows, too many) is refused and nothing is kept.
 */
export async function createImport(knex: Knex, state: AppState, user: AuthUser, entity: CompiledEntity, fileName: string, bytes: Buffer): Promise<ImportRow> {
  const table = await scanImportFile(bytes, fileName);
  const [row] = await knex('tessera.imports')
    .insert({
      id: randomUUID(),
      app: state.app.name,
      entity: entity.entity['x-name'],
      file_name: fileName,
      format: table.format,
      encoding: table.encoding ?? null,
      content: bytes,
      size: bytes.length,
      columns: JSON.stringify(table.columns),
      total: table.total,
      created_by: user.id,
    })
    .returning('*');
  return row;
}
