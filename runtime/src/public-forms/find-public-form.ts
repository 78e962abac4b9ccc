import type { FieldDefinition, FormLayout, PublicForm } from '@tessera/metadata';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';

export interface FoundForm {
  layout: FormLayout;
  form: PublicForm;
  entity: CompiledEntity;
  /** The fields a visitor fills in, in the layout's order. */
  fields: Array<{ name: string; field: FieldDefinition; required: boolean }>;
}

/** The enabled public form at `slug` in the published app, or undefined. */
export function findPublicForm(state: AppState, slug: string): FoundForm | undefined {
  const layout = (state.app.layouts ?? []).find((l) => l.public?.slug === slug && l.public.enabled !== false);
  if (!layout?.public) return undefined;
  const entity = [...state.byPlural.values()].find((e) => e.entity['x-name'] === layout.entity);
  if (!entity) return undefined;
  const required = new Set(entity.entity.required ?? []);
  const fields = layout.sections.flatMap((s) => s.fields)
    .filter((name) => entity.entity.properties[name] && !(name in (layout.public!.defaults ?? {})))
    .map((name) => ({ name, field: entity.entity.properties[name], required: required.has(name) }));
  return { layout, form: layout.public, entity, fields };
}
