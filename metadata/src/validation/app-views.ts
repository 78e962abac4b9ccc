import { pointerOf } from './json-pointer';

// Semantic checks run even when the meta-schema failed (every error at once), so they read the
// app through these defensive views instead of trusting its shape.

export type Json = Record<string, unknown>;
export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const stringOr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export interface EntityView {
  pointer: string;
  value: Json;
  name: string | undefined;
  /** `entity "customer"`, or `entity #2` when it has no usable name. */
  title: string;
  fields: FieldView[];
}

export interface FieldView {
  pointer: string;
  value: Json;
  name: string;
  /** `the field "industry" of entity "customer"`. */
  title: string;
  entity: EntityView;
}

export interface LayoutView {
  pointer: string;
  value: Json;
  name: string | undefined;
  title: string;
}

export function entityViews(app: unknown): EntityView[] {
  const list = isRecord(app) && Array.isArray(app.entities) ? app.entities : [];
  const views: EntityView[] = [];
  list.forEach((value, index) => {
    if (!isRecord(value)) return;
    const name = stringOr(value['x-name']) || undefined;
    const entity: EntityView = { pointer: pointerOf('entities', index), value, name, title: name ? `entity "${name}"` : `entity #${index + 1}`, fields: [] };
    const props = isRecord(value.properties) ? value.properties : {};
    for (const [fieldName, field] of Object.entries(props)) {
      if (!isRecord(field)) continue;
      entity.fields.push({ pointer: entity.pointer + pointerOf('properties', fieldName), value: field, name: fieldName, title: `the field "${fieldName}" of ${entity.title}`, entity });
    }
    views.push(entity);
  });
  return views;
}

export function layoutViews(app: unknown): LayoutView[] {
  const list = isRecord(app) && Array.isArray(app.layouts) ? app.layouts : [];
  const views: LayoutView[] = [];
  list.forEach((value, index) => {
    if (!isRecord(value)) return;
    const name = stringOr(value.name) || undefined;
    views.push({ pointer: pointerOf('layouts', index), value, name, title: name ? `layout "${name}"` : `layout #${index + 1}` });
  });
  return views;
}
