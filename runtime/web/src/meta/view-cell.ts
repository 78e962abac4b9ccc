import type { AppDefinition, EntityDefinition, FieldDefinition } from '@tessera/metadata';
import { cellValue, type Cell, type CellContext } from '../records/cell-value';

/** The field at a view path (`customer.industry`), following many-to-one relations; undefined for system/user paths. */
export function pathField(app: AppDefinition, entity: EntityDefinition, path: string): FieldDefinition | undefined {
  let current: EntityDefinition | undefined = entity;
  let field: FieldDefinition | undefined;
  for (const name of path.split('.')) {
    field = current && Object.hasOwn(current.properties, name) ? current.properties[name] : undefined;
    if (!field) return undefined;
    const target: string | undefined = field['x-relation']?.entity;
    current = target ? app.entities.find((e) => e['x-name'] === target) : undefined;
  }
  return field;
}

/** Relations a view's paths read through, for the list request's `expand` (`customer` of `customer.industry`). */
export function expandFor(entity: EntityDefinition, paths: readonly string[]): string[] {
  const relations = paths.map((p) => p.split('.')[0]).filter((name) => entity.properties[name]?.['x-relation']?.kind === 'many-to-one');
  return [...new Set(relations)];
}

/**
 * A view path's value as cell content. An expanded relation shows its record's display field;
 * a path through it reads the related record's field.
 */
export function pathCell(app: AppDefinition, entity: EntityDefinition, path: string, record: Record<string, unknown>, ctx: CellContext): Cell {
  let current: EntityDefinition | undefined = entity;
  let value: unknown = record;
  let row: Record<string, unknown> = record;
  let field: FieldDefinition | undefined;
  let name = path;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return { text: '' };
    name = part;
    row = value as Record<string, unknown>;
    value = row[part];
    field = current && Object.hasOwn(current.properties, part) ? current.properties[part] : undefined;
    const target: string | undefined = field?.['x-relation']?.entity;
    current = target ? app.entities.find((e) => e['x-name'] === target) : undefined;
  }
  return cellValue(name, field, value, ctx, row);
}
