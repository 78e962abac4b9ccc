import { entityViews, isRecord, stringOr } from './app-views';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

/**
 * What the meta-schema cannot say about `x-relation.bulkCreate`: it sits on a many-to-one (one
 * child per selected parent), and the fields it asks for are the child's own, other than the link
 * itself and read-only fields. (Fields the system computes are refused by the engine, which knows
 * the field types.)
 */
export function checkBulkCreate(app: unknown): MetadataError[] {
  const errors: MetadataError[] = [];
  for (const entity of entityViews(app)) {
    for (const field of entity.fields) {
      const relation = isRecord(field.value['x-relation']) ? field.value['x-relation'] : undefined;
      const spec = relation && isRecord(relation.bulkCreate) ? relation.bulkCreate : undefined;
      if (!relation || !spec) continue;
      const at = field.pointer + pointerOf('x-relation', 'bulkCreate');
      if (relation.kind !== 'many-to-one') {
        errors.push(metadataError('bulk-create-invalid', at, `${field.title} offers to create one record per selected parent, but only a many-to-one relation (a child's link to its parent) can.`, 'Move bulkCreate to the child entity\'s relation field.'));
        continue;
      }
      const asked = Array.isArray(spec.fields) ? spec.fields : [];
      asked.forEach((name, i) => {
        const target = entity.fields.find((f) => f.name === stringOr(name));
        const where = at + pointerOf('fields', String(i));
        if (!target) {
          errors.push(metadataError('bulk-create-invalid', where, `${field.title} asks for "${String(name)}", which is not a field of ${entity.title}.`, `Name a field of ${entity.title}.`));
        } else if (target.name === field.name) {
          errors.push(metadataError('bulk-create-invalid', where, `${field.title} asks for itself; each record created gets its parent from the selection.`, 'Leave the relation out of the fields.'));
        } else if (target.value['x-readonly'] === true) {
          errors.push(metadataError('bulk-create-invalid', where, `${field.title} asks for ${target.title}, which users cannot type.`, 'Ask only for fields users fill in.'));
        }
      });
    }
  }
  return errors;
}
