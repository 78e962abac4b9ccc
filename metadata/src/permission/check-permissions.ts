import { entityViews, isRecord } from '../validation/app-views';
import { closestName } from '../validation/closest-name';
import { checkParentScopes } from './check-parent-scopes';
import { pointerOf } from '../validation/json-pointer';
import { metadataError } from '../validation/metadata-error';
import type { MetadataError } from '../validation/validation-types';

const ROLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * What the meta-schema cannot say about permissions: role names are identifiers (they are
 * stored in users' `roles`), and every entity and field named exists, so a typo cannot
 * silently leave a field visible that was meant to be hidden; a parent scope follows a real
 * many-to-one relation and no chain of them is a cycle (check-parent-scopes).
 */
export function checkPermissions(app: unknown): MetadataError[] {
  const section = isRecord(app) && isRecord(app.permissions) ? app.permissions : undefined;
  if (!section || !isRecord(section.roles)) return [];
  const errors: MetadataError[] = [];
  const entities = new Map(entityViews(app).filter((e) => e.name).map((e) => [e.name!, e]));
  for (const [role, def] of Object.entries(section.roles)) {
    const at = (...segments: (string | number)[]) => pointerOf('permissions', 'roles', role, ...segments);
    if (!ROLE_NAME.test(role)) {
      errors.push(metadataError('permission-role-invalid', at(), `The role "${role}" is not a valid role name.`, 'Use snake_case: a lower-case letter, then letters, digits or _ (e.g. sales_rep).'));
    }
    if (!isRecord(def) || !isRecord(def.entities)) continue;
    for (const [entityName, perm] of Object.entries(def.entities)) {
      const entity = entities.get(entityName);
      if (!entity) {
        const guess = closestName(entityName, [...entities.keys()]);
        errors.push(metadataError('permission-entity-missing', at('entities', entityName), `The role "${role}" has permissions on the entity "${entityName}", which does not exist.`, `${guess ? `Did you mean "${guess}"? ` : ''}Entities in this app: ${[...entities.keys()].join(', ') || '(none)'}.`));
        continue;
      }
      if (!isRecord(perm) || !isRecord(perm.fields)) continue;
      const fieldNames = entity.fields.map((f) => f.name);
      for (const field of Object.keys(perm.fields)) {
        if (fieldNames.includes(field)) continue;
        const guess = closestName(field, fieldNames);
        errors.push(metadataError('permission-field-missing', at('entities', entityName, 'fields', field), `The role "${role}" sets access to "${field}", which is not a field of ${entity.title}.`, `${guess ? `Did you mean "${guess}"? ` : ''}System fields (id, owner, created_by, …) are not listed here: owner changes through the transfer action.`));
      }
    }
  }
  return [...errors, ...checkParentScopes(app)];
}
