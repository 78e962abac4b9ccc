import type { JsonSchema } from '../field-types/field-type-types';

/** A layout section as the UI's ObjectFieldTemplate reads it from `uiSchema['ui:options']`. */
export interface FormSection {
  id: string;
  title: string;
  columns: number;
  fields: string[];
  /** The tab the section sits on, its label already localized. */
  tab?: { id: string; title: string };
  /** Field name → jexl condition over the form data (see `isFieldVisible`). */
  visibleWhen?: Record<string, string>;
}

/** Props for @rjsf/core's `<Form>`: `schema` and `uiSchema`. */
export interface FormSpec {
  schema: JsonSchema;
  uiSchema: Record<string, unknown>;
}
