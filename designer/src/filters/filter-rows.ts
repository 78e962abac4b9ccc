import { createFieldTypeRegistry, fieldFilterOperators, fieldValueKind, operatorsForKind, type FieldTypeRegistry, type FilterOperator, type ValueKind } from '@tessera/engine';
import type { EntityDefinition } from '@tessera/metadata';

/** One row of the builder: field → operator → value, the value as typed (lists comma-separated). */
export interface FilterRow {
  field: string;
  op: FilterOperator;
  value: string;
}

/** `"$me"` is the signed-in user; the app binds it per request (ADR 0021). */
export const ME = '$me';

const builtins = createFieldTypeRegistry();

// The system columns a stored filter may name (the query parser's own list, by kind).
const SYSTEM: Record<string, ValueKind> = { owner: 'uuid', created_by: 'uuid', created_at: 'datetime', updated_at: 'datetime' };
export const SYSTEM_FIELDS = Object.keys(SYSTEM);

/** Operators whose value is a list (`between` takes exactly two). */
export const takesList = (op: string) => op === 'in' || op === 'nin' || op === 'between' || op === 'containsAll' || op === 'containsAny';

/** What a filter on `field` may use: exactly what the list-query parser accepts (the engine's `fieldFilterOperators`). */
export function operatorsOf(entity: EntityDefinition, field: string, registry: FieldTypeRegistry = builtins): readonly FilterOperator[] {
  if (Object.hasOwn(SYSTEM, field)) return operatorsForKind(SYSTEM[field]);
  const def = entity.properties[field];
  if (!def || !registry.has(def['x-type'])) return [];
  return fieldFilterOperators(registry.get(def['x-type']), def);
}

/** How a value is entered: options for selects, a date or number box, yes/no, a user (with "me"), or text. */
export type ValueInput = 'none' | 'boolean' | 'select' | 'date' | 'datetime' | 'number' | 'user' | 'list' | 'text';

export function valueInput(entity: EntityDefinition, field: string, op: FilterOperator, registry: FieldTypeRegistry = builtins): ValueInput {
  if (op === 'isNull') return 'boolean';
  const def = entity.properties[field];
  const kind = Object.hasOwn(SYSTEM, field) ? SYSTEM[field] : def && registry.has(def['x-type']) ? fieldValueKind(registry.get(def['x-type']), def) : 'string';
  const isUser = field === 'owner' || field === 'created_by' || def?.['x-type'] === 'user';
  if (takesList(op)) return def?.['x-options'] ? 'select' : 'list';
  if (isUser) return 'user';
  if (def?.['x-options']) return 'select';
  if (kind === 'boolean') return 'boolean';
  if (kind === 'date') return 'date';
  if (kind === 'datetime') return 'datetime';
  if (kind === 'number' || kind === 'integer') return 'number';
  return 'text';
}

/** The fields a builder offers: stored fields that take at least one operator, then the system columns. */
export function filterableFields(entity: EntityDefinition, registry: FieldTypeRegistry = builtins): string[] {
  return [...Object.keys(entity.properties).filter((f) => operatorsOf(entity, f, registry).length > 0), ...SYSTEM_FIELDS];
}

/**
 * A stored filter as rows, and the parts that are not `{ field: { op: value } }` (`or`, `not`,
 * paths the builder does not offer), which are kept as they are and written back unchanged.
 */
export function filterToRows(filter: Record<string, unknown> | undefined): { rows: FilterRow[]; kept: Record<string, unknown>[] } {
  const parts = Array.isArray(filter?.and) && Object.keys(filter!).length === 1 ? (filter!.and as unknown[]) : filter ? [filter] : [];
  const rows: FilterRow[] = [];
  const kept: Record<string, unknown>[] = [];
  for (const part of parts) {
    if (typeof part !== 'object' || part === null) continue;
    for (const [field, cond] of Object.entries(part)) {
      const simple = field !== 'and' && field !== 'or' && field !== 'not' && typeof cond === 'object' && cond !== null && !Array.isArray(cond);
      if (!simple) { kept.push({ [field]: cond }); continue; }
      for (const [op, value] of Object.entries(cond as Record<string, unknown>)) {
        if (Array.isArray(value)) rows.push({ field, op: op as FilterOperator, value: value.join(', ') });
        else if (value !== null && typeof value === 'object') kept.push({ [field]: { [op]: value } });
        else rows.push({ field, op: op as FilterOperator, value: String(value) });
      }
    }
  }
  return { rows, kept };
}

/**
 * Rows back to the filter JSON, in the shape the app's list builder writes (`{ and: [{ field:
 * { op: value } }] }`, values as typed text the API coerces by the field's kind, lists as
 * arrays, `isNull` as a boolean); rows without a value yet are left out. Undefined when empty.
 */
export function rowsToFilter(rows: readonly FilterRow[], kept: readonly Record<string, unknown>[] = []): Record<string, unknown> | undefined {
  const parts: Record<string, unknown>[] = [];
  for (const { field, op, value } of rows) {
    if (!field || !op) continue;
    if (op === 'isNull') { parts.push({ [field]: { isNull: value !== 'false' } }); continue; }
    if (value.trim() === '') continue;
    parts.push({ [field]: { [op]: takesList(op) ? value.split(',').map((s) => s.trim()).filter(Boolean) : value.trim() } });
  }
  parts.push(...kept);
  return parts.length ? { and: parts } : undefined;
}

/** A new row on `field`: its first operator, and a value that already means something where one exists. */
export function newRow(entity: EntityDefinition, field: string, registry: FieldTypeRegistry = builtins): FilterRow {
  const op = operatorsOf(entity, field, registry)[0] ?? 'eq';
  return { field, op, value: op === 'isNull' ? 'true' : valueInput(entity, field, op, registry) === 'user' ? ME : '' };
}
