import { ident } from '@tessera/engine/sql';
import { entityJoinTables, type FieldTypeRegistry } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import type { RunStep } from './migrate-types';
import { storedFieldIds } from './stored-field-ids';

type Missing = { field: string; rule: string; message: string };

/**
 * The links of every many-to-many field `target` has and `current` does not (by field id):
 * its join table was archived as a plain copy (`<entity>__<field>__<tag>`) and the rollback's
 * plan re-creates it empty. Links whose record has been deleted since are left out — the
 * foreign keys added after these steps would refuse them, and a deleted record's links
 * cascade away anyway. A field that is stored as a column now (a many-to-many that became a
 * many-to-one) is left to the plan, which copies its links back.
 */
export function joinTableRestoreSteps(
  registry: FieldTypeRegistry, schema: string, current: AppDefinition, target: AppDefinition,
  find: (parts: string[]) => string | undefined, why: (parts: string[]) => string,
): { steps: RunStep[]; missing: Missing[] } {
  const kept = new Set(current.entities.flatMap((e) => [...storedFieldIds(e, registry, schema)]));
  const steps: RunStep[] = [];
  const missing: Missing[] = [];
  for (const entity of target.entities) {
    for (const table of entityJoinTables(entity, { schema })) {
      if (kept.has(table.fieldId)) continue;
      const field = Object.entries(entity.properties).find(([, f]) => f['x-id'] === table.fieldId)?.[0] ?? table.fieldId;
      const archive = find([table.name]);
      if (!archive) {
        missing.push({ field: `${entity['x-name']}.${field}`, rule: 'archive-missing', message: `No archived links of ${entity['x-name']}.${field} remain to restore${why([table.name])}` });
        continue;
      }
      const [left, right] = table.foreignKeys.map((fk) => `${ident(fk.references.schema ?? schema)}.${ident(fk.references.table)}`);
      const source = `${ident(`${schema}_archive`)}.${ident(archive)}`;
      steps.push({
        kind: 'restore-archive', safe: false, destructive: false, fieldId: table.fieldId,
        description: `Restore the links of ${entity['x-name']}.${field} into ${table.name} from ${schema}_archive.${archive}`,
        sql: [`insert into ${ident(schema)}.${ident(table.name)} (left_id, right_id) select a.left_id, a.right_id from ${source} as a where exists (select 1 from ${left} as l where l.id = a.left_id) and exists (select 1 from ${right} as r where r.id = a.right_id)`],
      });
    }
  }
  return { steps, missing };
}
