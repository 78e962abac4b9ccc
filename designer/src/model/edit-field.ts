import type { AppDefinition, EntityDefinition, FieldDefinition } from '@tessera/metadata';
import { renameInSettings } from './rename-in-settings';
import { renameInViews } from './rename-in-views';

const mapEntity = (app: AppDefinition, entityName: string, fn: (e: EntityDefinition) => EntityDefinition): AppDefinition => ({
  ...app,
  entities: app.entities.map((e) => (e['x-name'] === entityName ? fn(e) : e)),
});

/** What the field inspector may change on an existing field (the name is `renameField`'s job). */
export interface FieldPatch {
  field: FieldDefinition;
  required: boolean;
}

/** A new app where the field `name` is replaced (its `x-id` is kept, so the plan sees the same column). */
export function patchField(app: AppDefinition, entityName: string, name: string, patch: FieldPatch): AppDefinition {
  return mapEntity(app, entityName, (entity) => {
    const others = (entity.required ?? []).filter((r) => r !== name);
    const required = patch.required ? [...others, name] : others;
    const next: EntityDefinition = { ...entity, properties: { ...entity.properties, [name]: { ...patch.field, 'x-id': entity.properties[name]['x-id'] } } };
    if (required.length) next.required = required;
    else delete next.required;
    return next;
  });
}

/**
 * Renames a field everywhere the app names it: the property key (order kept), `required`, the
 * display field, form layouts, workflow state fields, field permissions, views and dashboard
 * cards. The `x-id` stays,
 * which is what makes the migration plan a column rename instead of drop + add.
 */
export function renameField(app: AppDefinition, entityName: string, from: string, to: string): AppDefinition {
  if (from === to) return app;
  const swap = (n: string) => (n === from ? to : n);
  const next = mapEntity(app, entityName, (entity) => ({
    ...entity,
    properties: Object.fromEntries(Object.entries(entity.properties).map(([k, v]) => [swap(k), v])),
    ...(entity.required ? { required: entity.required.map(swap) } : {}),
    ...(entity['x-display-field'] ? { 'x-display-field': swap(entity['x-display-field']) } : {}),
  }));
  const layouts = next.layouts.map((l) => (l.entity !== entityName ? l : { ...l, sections: l.sections.map((s) => ({ ...s, fields: s.fields.map(swap) })) }));
  const workflows = next.workflows?.map((w) => (w.entity === entityName && w.stateField === from ? { ...w, stateField: to } : w));
  const permissions = next.permissions && {
    roles: Object.fromEntries(Object.entries(next.permissions.roles).map(([role, perms]) => {
      const entry = perms.entities[entityName];
      if (!entry?.fields || !(from in entry.fields)) return [role, perms];
      const fields = Object.fromEntries(Object.entries(entry.fields).map(([k, v]) => [swap(k), v]));
      return [role, { ...perms, entities: { ...perms.entities, [entityName]: { ...entry, fields } } }];
    })),
  };
  return renameInViews(renameInSettings({ ...next, layouts, ...(workflows ? { workflows } : {}), ...(permissions ? { permissions } : {}) }, entityName, from, to), entityName, from, to);
}

/** Removes a field and every reference to it in layouts, `required`, display field and permissions. */
export function deleteField(app: AppDefinition, entityName: string, name: string): AppDefinition {
  const next = mapEntity(app, entityName, (entity) => {
    const { [name]: _removed, ...properties } = entity.properties;
    const result: EntityDefinition = { ...entity, properties };
    const required = (entity.required ?? []).filter((r) => r !== name);
    if (required.length) result.required = required;
    else delete result.required;
    if (entity['x-display-field'] === name) delete result['x-display-field'];
    return result;
  });
  const layouts = next.layouts.map((l) => (l.entity !== entityName ? l : { ...l, sections: l.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => f !== name) })) }));
  const permissions = next.permissions && {
    roles: Object.fromEntries(Object.entries(next.permissions.roles).map(([role, perms]) => {
      const entry = perms.entities[entityName];
      if (!entry?.fields || !(name in entry.fields)) return [role, perms];
      const { [name]: _gone, ...fields } = entry.fields;
      return [role, { ...perms, entities: { ...perms.entities, [entityName]: { ...entry, fields } } }];
    })),
  };
  return renameInViews(renameInSettings({ ...next, layouts, ...(permissions ? { permissions } : {}) }, entityName, name, undefined), entityName, name, undefined);
}
