import type { EntityDefinition, LayoutDefinition, Locale } from '@tessera/metadata';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import type { JsonSchema } from '../field-types/field-type-types';
import { localize } from '../localize';
import { fieldToJsonSchema, fieldTypeOf } from '../schema/field-to-json-schema';
import type { FormSection, FormSpec } from './form-types';

/**
 * The create/edit form of an entity for @rjsf/core 6. The schema is the create-mode schema
 * without null unions (rjsf renders plain types better; empty inputs are simply omitted) and
 * with titles in `locale` (any BCP 47 tag; messages use `zh` for any Chinese, else `en`). Selects keep `enum` (the same values the validator checks) and get
 * their localized labels from `ui:enumNames`, which rjsf 6 still reads. `entities` is the
 * app's entity list, used to describe relation targets to the relation widget.
 */
export function entityToForm(
  entity: EntityDefinition,
  layout: LayoutDefinition | undefined,
  registry: FieldTypeRegistry,
  locale: string,
  entities: readonly EntityDefinition[],
): FormSpec {
  const messages: Locale = locale.split('-')[0]?.toLowerCase() === 'zh' ? 'zh' : 'en';
  const properties: Record<string, JsonSchema> = {};
  const uiSchema: Record<string, unknown> = {};
  const fieldNames = Object.keys(entity.properties);

  for (const [name, field] of Object.entries(entity.properties)) {
    const type = fieldTypeOf(entity, name, field, registry);
    properties[name] = fieldToJsonSchema(type, field, { nullable: false, locale: messages });
    const ui: Record<string, unknown> = { 'ui:widget': type.widget, 'ui:title': localize(field['x-label'], locale) };
    if (field['x-options']) ui['ui:enumNames'] = field['x-options'].map((option) => localize(option.label, locale));
    if (field['x-readonly']) ui['ui:readonly'] = true;
    const relation = field['x-relation'];
    if (relation) {
      // An unknown target (a half-edited app in the designer) still renders; metadata
      // validation reports it at publish.
      const target = entities.find((e) => e['x-name'] === relation.entity);
      ui['ui:options'] = target
        ? { entity: relation.entity, plural: target['x-plural'], displayField: target['x-display-field'] ?? 'id' }
        : { entity: relation.entity };
    }
    uiSchema[name] = ui;
  }

  const sections = layoutToSections(layout, entity, fieldNames, locale);
  uiSchema['ui:order'] = sections.flatMap((section) => section.fields);
  uiSchema['ui:options'] = { sections };

  const schema: JsonSchema = { type: 'object', title: localize(entity['x-label'], locale), properties };
  if (entity.required?.length) schema.required = [...entity.required];
  return { schema, uiSchema };
}

/**
 * Sections from the layout, keeping only fields the entity has. Fields the layout leaves out
 * are appended to the last section: a form must never hide a required field.
 */
function layoutToSections(
  layout: LayoutDefinition | undefined,
  entity: EntityDefinition,
  fieldNames: string[],
  locale: string,
): FormSection[] {
  if (!layout || layout.sections.length === 0) {
    return [{ id: 'main', title: localize(entity['x-label'], locale), columns: 1, fields: fieldNames }];
  }
  const placed = new Set<string>();
  const sections = layout.sections.map((section) => {
    const fields = section.fields.filter((f) => entity.properties[f] && !placed.has(f));
    fields.forEach((f) => placed.add(f));
    const spec: FormSection = { id: section.id, title: localize(section.label, locale), columns: section.columns ?? 1, fields };
    if (section.tab) spec.tab = { id: section.tab.id, title: localize(section.tab.label, locale) };
    if (section.visibleWhen && Object.keys(section.visibleWhen).length) spec.visibleWhen = { ...section.visibleWhen };
    return spec;
  });
  sections[sections.length - 1].fields.push(...fieldNames.filter((f) => !placed.has(f)));
  return sections;
}
