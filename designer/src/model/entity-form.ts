import type { AppDefinition, FormLayout } from '@tessera/metadata';

/**
 * Whether `layout` is the kind of form the canvas edits for `entityName`: a form layout of the
 * entity that is not a public web form (a web-to-lead form of the same entity is edited in
 * its own panel, and must never take the entity's own form's place or edits).
 */
export const isEntityForm = (layout: FormLayout, entityName: string): boolean => layout.kind === 'form' && layout.entity === entityName && !layout.public;

/** The index of the entity's form in `app.layouts` (its first non-public form, as the web app picks it), or -1. */
export const entityFormIndex = (app: AppDefinition, entityName: string): number => app.layouts.findIndex((l) => isEntityForm(l, entityName));

/** The entity's form, or undefined when it has none yet. */
export const entityForm = (app: AppDefinition, entityName: string): FormLayout | undefined => app.layouts[entityFormIndex(app, entityName)];
