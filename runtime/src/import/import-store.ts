import type { Knex } from 'knex';
import type { AuthUser, UserRow } from '../auth/auth-types';
import { rowToAuthUser } from '../auth/create-user-store';
import { HttpError } from '../errors/http-error';
import type { ImportMapping, ImportRow } from './import-types';

/** How long a running import may go without a committed batch before another process may take it over. */
export const IMPORT_LEASE_SECONDS = 120;

export const importNotFound = (id: string) => new HttpError(404, 'import_not_found', `No import with id "${id}"`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The import, if it is of this app and entity and the caller's (an admin sees everyone's); 404 otherwise. */
export async function findImport(db: Knex, app: string, entity: string, id: string, user: AuthUser, withContent = false): Promise<ImportRow> {
  if (!UUID.test(id)) throw importNotFound(id);
  const query = db('tessera.imports').where({ id: id.toLowerCase(), app, entity });
  if (!user.roles.includes('admin')) query.andWhere({ created_by: user.id });
  const row: ImportRow | undefined = await (withContent ? query.first() : query.first(db.raw('tessera.imports.*, null as content')));
  if (!row) throw importNotFound(id);
  return row;
}

/** The import's public face: no bytes, camelCase, its result file when there is one. */
export function importSummary(row: ImportRow, plural: string) {
  return {
    id: row.id,
    entity: row.entity,
    fileName: row.file_name,
    format: row.format,
    encoding: row.encoding,
    size: row.size,
    status: row.status,
    mode: row.mode,
    total: row.total,
    processed: row.processed,
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    rejected: row.rejected,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    revertedAt: row.reverted_at,
    ...(row.rejected > 0 ? { resultUrl: `/api/${plural}/imports/${row.id}/rejected.csv` } : {}),
  };
}

export async function rememberedMapping(db: Knex, app: string, entity: string, userId: string): Promise<ImportMapping | undefined> {
  const row = await db('tessera.import_mappings').where({ app, entity, user_id: userId }).first('mapping');
  return row?.mapping;
}

export async function rememberMapping(db: Knex, app: string, entity: string, userId: string, mapping: ImportMapping): Promise<void> {
  await db.raw(
    `insert into tessera.import_mappings (app, entity, user_id, mapping) values (?, ?, ?, ?::jsonb)
     on conflict (app, entity, user_id) do update set mapping = tessera.import_mappings.mapping || excluded.mapping, updated_at = now()`,
    [app, entity, userId, JSON.stringify(mapping)],
  );
}

/** Takes a running import whose lease ran out (its process stopped mid-way); undefined when someone holds it. */
export async function claimStaleImport(db: Knex, id: string): Promise<boolean> {
  const rows = await db('tessera.imports')
    .where({ id, status: 'running' })
    .andWhere((qb) => qb.whereNull('lease_until').orWhere('lease_until', '<', db.fn.now()))
    .update({ lease_until: db.raw(`now() + interval '${IMPORT_LEASE_SECONDS} seconds'`) })
    .returning('id');
  return rows.length > 0;
}

export async function importUser(db: Knex, id: string): Promise<AuthUser | undefined> {
  const row: UserRow | undefined = await db('tessera.users').where({ id, is_active: true }).first();
  return row ? rowToAuthUser(row) : undefined;
}
