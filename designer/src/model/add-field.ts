import type { AppDefinition, EntityDefinition, FieldDefinition, FormLayout } from '@tessera/metadata';
import { entityFormIndex } from './entity-form';
import type { FieldDraft } from './field-draft';

/** Keywords the designer writes for the author, never asked (read by the keyword coverage test). */
export const ADD_FIELD_GENERATED_KEYWORDS = ['field.x-id'] as const;

/** A short random suffix so two designers adding the same name never mint the same id. */
export function randomSuffix(length = 6): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/** The stable id of a new field: `fld_<entity>_<name>_<random>` (never reused, survives renames). */
export function newFieldId(entity: string, name: string, random = randomSuffix()): string {
  return `fld_${entity}_${name}_${random}`;
}

function draftToField(draft: FieldDraft, id: string): FieldDefinition {
  const label = draft.label.zh ? draft.label : { en: draft.label.en };
  const field = { ...draft.keywords, 'x-id': id, 'x-type': draft.type, 'x-label': label } as FieldDefinition;
  if (draft.options) field['x-options'] = draft.options;
  if (draft.relationEntity) field['x-relation'] = { entity: draft.relationEntity, kind: 'many-to-one' };
  return field;
}

/**
 * A new app with `draft` added to `entityName`: the property, `required` when asked (the first
 * text field also becomes the display field when there is none), and the
 * field appended to the entity's first form-layout section, or a new layout holding all its
 * fields when it has none. Pure: the designer keeps the previous app for undo and diffing.
 */
export function addField(app: AppDefinition, entityName: string, draft: FieldDraft, random?: string): AppDefinition {
  const field = draftToField(draft, newFieldId(entityName, draft.name, random));
  const entities = app.entities.map((entity): EntityDefinition => {
    if (entity['x-name'] !== entityName) return entity;
    const next: EntityDefinition = { ...entity, properties: { ...entity.properties, [draft.name]: field } };
    if (draft.required) next.required = [...(entity.required ?? []), draft.name];
    // Records are titled by `x-display-field`, else a `name` field: the first text field is the
    // natural title (a bid's "Title"), so lists, pickers and the approvals inbox show it, not an id.
    if (draft.type === 'text' && draft.name !== 'name' && !entity['x-display-field'] && !entity.properties.name) next['x-display-field'] = draft.name;
    return next;
  });
  const entity = entities.find((e) => e['x-name'] === entityName);
  if (!entity) throw new Error(`Entity "${entityName}" is not in the app`);

  const index = entityFormIndex(app, entityName);
  let layouts: FormLayout[];
  if (index >= 0 && app.layouts[index].sections.length > 0) {
    layouts = app.layouts.map((layout, i) =>
      i !== index ? layout : { ...layout, sections: layout.sections.map((s, j) => (j === 0 ? { ...s, fields: [...s.fields, draft.name] } : s)) },
    );
  } else {
    const created: FormLayout = {
      name: uniqueLayoutName(app, `${entityName}_form`),
      kind: 'form',
      entity: entityName,
      sections: [{ id: 'main', label: { en: 'Details', zh: '详细信息' }, columns: 2, fields: Object.keys(entity.properties) }],
    };
    layouts = index >= 0 ? app.layouts.map((l, i) => (i === index ? { ...created, name: l.name } : l)) : [...app.layouts, created];
  }
  return { ...app, entities, layouts };
}

function uniqueLayoutName(app: AppDefinition, base: string): string {
  const names = new Set(app.layouts.map((l) => l.name));
  let name = base;
  for (let n = 2; names.has(name); n++) name = `${base}_${n}`;
  return name;
}
