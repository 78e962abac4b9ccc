import type { AppDefinition, FormLayout } from '@tessera/metadata';

/**
 * Whether `layout` is the kind of form the canvas edits for `entityName`: a form layout of the
 * entity that is not a public web form (a web-to-lead form of the same entity is edited in
 * its own panel, and must never take the entity's own form's place or edits).
 */
export const isEntityForm = (layout: FormLayout, entityName: string): boolean => layout.kind === 'form' && layout.entity === entityName && !layout.public;

/**
 * The index of the entity's form in `app.layouts` (its first non-public form, as the web app picks
 * it), or -1. With record types, the entity's own form is the one no type claims, else the
 * default type's: another type's form (say the distributors') must not take its place.
 */
export function entityFormIndex(app: AppDefinition, entityName: string): number {
  const forms = app.layouts.flatMap((l, i) => (isEntityForm(l, entityName) ? [{ name: l.name, i }] : []));
  const types = forms.length > 1 ? app.entities.find((e) => e['x-name'] === entityName)?.['x-record-types'] : undefined;
  if (!types) return forms[0]?.i ?? -1;
  const claimed = new Set(Object.values(types.types).map((t) => t.layout));
  const byDefault = app.entities.find((e) => e['x-name'] === entityName)?.properties[types.field]?.default;
  const main = typeof byDefault === 'string' ? types.types[byDefault]?.layout : undefined;
  return (forms.find((f) => !claimed.has(f.name)) ?? forms.find((f) => f.name === main) ?? forms[0]).i;
}

/** The entity's form, or undefined when it has none yet. */
export const entityForm = (app: AppDefinition, entityName: string): FormLayout | undefined => app.layouts[entityFormIndex(app, entityName)];
