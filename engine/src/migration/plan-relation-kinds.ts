import type { EntityDefinition, FieldDefinition } from '@tessera/metadata';
import { joinTableName } from '../schema/join-table-name';
import type { DiffContext } from './diff-entity';
import { archiveName, ident, qualified } from './migration-sql';

const relationFields = (entity: EntityDefinition) =>
  new Map(Object.entries(entity.properties).filter(([, f]) => f['x-type'] === 'relation' && f['x-relation']).map(([name, f]) => [f['x-id'], { name, field: f }]));
const kindOf = (field: FieldDefinition) => field['x-relation']!.kind;

/**
 * A relation field that keeps its id but changes kind keeps its links. The storage itself
 * changes through the ordinary steps (the old column or join table is archived, the new one
 * created); this adds the copy between them, reading the archive the same plan just wrote:
 * - many-to-one → many-to-many: every (id, value) of the archived column becomes a link;
 * - many-to-many → many-to-one: each record's one link goes into the new column — refused by
 *   a precheck listing the records with several links, since a column holds one.
 * one-to-many stores nothing (it is the inverse of a child's many-to-one), so changing to or
 * from it only archives or creates storage; the metadata check makes sure its child field is valid.
 * The target must stay the same entity: a new target would need its ids mapped.
 */
export function planRelationKinds(ctx: DiffContext, from: EntityDefinition, to: EntityDefinition): void {
  const before = relationFields(from);
  const table = to['x-name'];
  const ref = qualified(ctx.schema, table);
  for (const [fieldId, now] of relationFields(to)) {
    const was = before.get(fieldId);
    if (!was) continue;
    const [oldKind, newKind] = [kindOf(was.field), kindOf(now.field)];
    if (oldKind === newKind) continue;
    const stored = (kind: string) => kind !== 'one-to-many';
    const oldTarget = ctx.entityNames.get(was.field['x-relation']!.entity) ?? was.field['x-relation']!.entity;
    if (stored(oldKind) && stored(newKind) && oldTarget !== now.field['x-relation']!.entity) {
      ctx.block(`The field ${table}.${now.name} changes from ${oldKind} to ${newKind} and from ${oldTarget} to ${now.field['x-relation']!.entity} at once; its links cannot follow a new target. Change the kind and the target in two publishes.`);
      continue;
    }
    if (oldKind === 'many-to-one' && newKind === 'many-to-many') {
      const archive = qualified(ctx.archiveSchema, archiveName([table, was.name], ctx.archiveTag));
      const join = joinTableName(table, now.name);
      ctx.emit({
        kind: 'copy-links', safe: false, destructive: false, fieldId,
        description: `Copy the links of ${table}.${was.name} (many-to-one) into the join table ${join} (many-to-many)`,
        sql: [`insert into ${qualified(ctx.schema, join)} (left_id, right_id) select id, value from ${archive}`],
      });
    } else if (oldKind === 'many-to-many' && newKind === 'many-to-one') {
      const archive = qualified(ctx.archiveSchema, archiveName([joinTableName(from['x-name'], was.name)], ctx.archiveTag));
      ctx.emit({
        kind: 'copy-links', safe: false, destructive: false, fieldId,
        description: `Copy the one link of each ${table} record from its join table (many-to-many) into ${table}.${now.name} (many-to-one)`,
        sql: [`update ${ref} as t set ${ident(now.name)} = a.right_id from ${archive} as a where a.left_id = t.id`],
        checks: [{
          description: `Records of ${table} with more than one ${now.name} link`,
          sql: `select count(*)::int as count, (array_agg(left_id::text order by left_id))[1:5] as samples from (select left_id from ${archive} group by left_id having count(*) > 1) as several`,
          failure: `Some ${table} records have more than one ${now.name} link, and a many-to-one keeps one; remove the extra links first.`,
        }],
      });
    }
  }
}
