import { entityToTable, type FieldTypeRegistry } from '@tessera/engine';
import { archiveName, ident } from '@tessera/engine/sql';
import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import { HttpError } from '../errors/http-error';
import { joinTableRestoreSteps } from './join-table-restore-steps';
import { storedFieldIds } from './stored-field-ids';
import type { RunStep } from './migrate-types';


/** The entity of `app` a target entity was (by x-id, then by x-name), like the engine matches them. */
function counterpart(app: AppDefinition, entity: EntityDefinition): EntityDefinition | undefined {
  const id = entity['x-id'];
  return (id !== undefined ? app.entities.find((e) => e['x-id'] === id) : undefined) ?? app.entities.find((e) => e['x-name'] === entity['x-name'] && (e['x-id'] === undefined || id === undefined));
}

/**
 * What a rollback from `current` to `target` must copy back from the archive schema: the
 * values of every column `target` has and `current` dropped, and the rows of every entity
 * `current` dropped. Archive tables are named by the tag of the migration that wrote them;
 * `tags` (newest first) are tried in turn, so the newest archive wins. A missing archive
 * (purged, or written before the history existed) makes the rollback impossible: it says
 * which one — and when `purged` (archive table → "purged <when> by <who>") knows, where it
 * went — rather than bringing the field back empty. Join-table links come back last.
 */
export async function archiveRestoreSteps(trx: Knex, registry: FieldTypeRegistry, current: AppDefinition, target: AppDefinition, tags: readonly string[], purged: ReadonlyMap<string, string> = new Map()): Promise<RunStep[]> {
  const schema = `app_${target.name}`;
  const archiveSchema = `${schema}_archive`;
  const existing = new Set<string>(await trx('information_schema.tables').where({ table_schema: archiveSchema }).pluck('table_name'));
  const find = (parts: string[]) => tags.map((tag) => archiveName(parts, tag)).find((name) => existing.has(name));
  // "(purged … by …)" when a purge dropped the archive this rollback would have used.
  const why = (parts: string[]) => {
    const note = tags.map((tag) => purged.get(archiveName(parts, tag))).find(Boolean);
    return note ? ` (${note})` : '';
  };
  const steps: RunStep[] = [];
  const missing: { field: string; rule: string; message: string }[] = [];

  for (const entity of target.entities) {
    const table = entityToTable(entity, registry, { schema });
    const ref = `${ident(schema)}.${ident(table.name)}`;
    const was = counterpart(current, entity);
    if (!was) {
      const archive = find([entity['x-name']]);
      if (!archive) {
        missing.push({ field: entity['x-name'], rule: 'archive-missing', message: `No archived rows of ${entity['x-name']} remain to restore${why([entity['x-name']])}` });
        continue;
      }
      const archived = new Set<string>(await trx('information_schema.columns').where({ table_schema: archiveSchema, table_name: archive }).pluck('column_name'));
      const columns = table.columns.map((c) => c.name).filter((name) => archived.has(name)).map(ident).join(', ');
      steps.push({ kind: 'restore-archive', safe: false, destructive: false, description: `Restore the rows of ${table.name} from ${archiveSchema}.${archive}`, sql: [`insert into ${ref} (${columns}) select ${columns} from ${ident(archiveSchema)}.${ident(archive)}`] });
      continue;
    }
    // By storage, not by field: a relation that changed kind is copied by the plan (copy-links).
    const kept = storedFieldIds(was, registry, schema);
    const currentTable = entityToTable(was, registry, { schema }).name;
    for (const column of table.columns) {
      if (!column.fieldId || kept.has(column.fieldId)) continue;
      const archive = find([currentTable, column.name]);
      if (!archive) {
        missing.push({ field: `${entity['x-name']}.${column.name}`, rule: 'archive-missing', message: `No archived values of ${entity['x-name']}.${column.name} remain to restore${why([currentTable, column.name])}` });
        continue;
      }
      steps.push({
        kind: 'restore-archive', safe: false, destructive: false, fieldId: column.fieldId,
        description: `Restore ${table.name}.${column.name} from ${archiveSchema}.${archive}`,
        sql: [`update ${ref} as t set ${ident(column.name)} = a.value from ${ident(archiveSchema)}.${ident(archive)} as a where a.id = t.id`],
      });
    }
  }
  const links = joinTableRestoreSteps(registry, schema, current, target, find, why);
  steps.push(...links.steps);
  missing.push(...links.missing);
  if (missing.length > 0) {
    throw new HttpError(409, 'rollback_not_possible', `Rolling back would bring back data that is no longer archived: ${missing.map((m) => m.message).join('; ')}`, missing);
  }
  return steps;
}
