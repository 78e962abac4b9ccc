import type { AppDefinition, EntityDefinition, FieldDefinition } from '@tessera/metadata';
import type { ClientAccess } from './entity-access';

/** Types "set field…" offers: one value picked from a short list (an option, a user, yes/no). */
const SETTABLE = new Set(['select', 'user', 'boolean']);

/**
 * The fields a bulk "set field…" may write: a settable type, writable for this user, and not a
 * workflow's state field (only transitions move a record between states).
 */
export function bulkFields(app: AppDefinition, entity: EntityDefinition, access: ClientAccess): [string, FieldDefinition][] {
  const stateFields = new Set((app.workflows ?? []).filter((w) => w.entity === entity['x-name']).map((w) => w.stateField));
  return Object.entries(entity.properties).filter(([name, field]) =>
    SETTABLE.has(field['x-type']) && !stateFields.has(name) && access.writable(name) && !field['x-readonly']);
}
