import type { AppDefinition, EntityDefinition, FieldDefinition } from '@tessera/metadata';
import type { Capabilities } from '../api/capabilities-api';

/** Whether the system gives a field its value (the field types' `fieldIsSystemGiven`): never typed into a form. */
export type SystemGiven = (field: FieldDefinition) => boolean;
const nothingGiven: SystemGiven = () => false;

const readable = (caps: Capabilities | undefined, entity: string) => !caps || Boolean(caps.entities[entity]?.actions.includes('read'));

/**
 * An entity as one user meets it: the fields hidden from them are gone (so no form field,
 * column, filter or card line can show them), and the fields they cannot change are marked
 * `x-readonly` — read-only by their role, a workflow's state field (only transitions move it),
 * a field the system gives its value (an autonumber, a formula: `systemGiven`, read from the
 * field-type registry), or a relation to an entity they may not read (the API refuses such a
 * link). Without capabilities (still loading) only the last three apply.
 */
export function entityForUser(entity: EntityDefinition, app: AppDefinition, caps: Capabilities | undefined, systemGiven: SystemGiven = nothingGiven): EntityDefinition {
  const grant = caps?.entities[entity['x-name']];
  const hidden = new Set(grant?.hidden ?? []);
  const readOnly = new Set(grant?.readOnly ?? []);
  const stateFields = new Set((app.workflows ?? []).filter((w) => w.entity === entity['x-name']).map((w) => w.stateField));
  const locked = (name: string, field: FieldDefinition) =>
    readOnly.has(name) || stateFields.has(name) || systemGiven(field)
    || Boolean(field['x-relation'] && !readable(caps, field['x-relation'].entity));
  const properties = Object.fromEntries(
    Object.entries(entity.properties)
      .filter(([name]) => !hidden.has(name))
      .map(([name, field]) => [name, locked(name, field) && !field['x-readonly'] ? { ...field, 'x-readonly': true } : field]),
  );
  const required = entity.required?.filter((name) => !hidden.has(name));
  return { ...entity, properties, ...(entity.required ? { required } : {}) };
}

/** The app with every entity as the user meets it (see `entityForUser`). */
export function appForUser(app: AppDefinition, caps: Capabilities | undefined, systemGiven?: SystemGiven): AppDefinition {
  return { ...app, entities: app.entities.map((e) => entityForUser(e, app, caps, systemGiven)) };
}
