import type { EntityDefinition } from '@tessera/metadata';
import type { AppState } from '../meta/compile-app-state';
import type { RecordAccess } from '../permissions/record-access';
import type { ImportableField, ImportMapping } from './import-types';

/**
 * The fields a column may fill: those this user may write (hidden and read-only fields are not
 * offered), of a type that reads cells (`parseCell`; not files or values the system computes),
 * not computed, not the inverse side of a relation. `id` is offered too, for
 * matching existing records only (an export's ID column, imported back).
 */
export function importableFields(state: AppState, ra: RecordAccess): ImportableField[] {
  const entity = ra.entity;
  const fields = Object.entries(entity.properties)
    .filter(([name, f]) => !ra.access.readOnly.has(name) && !f['x-readonly'] && f['x-relation']?.kind !== 'one-to-many')
    .filter(([, f]) => state.registry.has(f['x-type']) && Boolean(state.registry.get(f['x-type']).parseCell) && !state.registry.get(f['x-type']).computed)
    .map(([name, f]) => ({ name, label: f['x-label'], type: f['x-type'], required: (entity.required ?? []).includes(name) }));
  return [...fields, { name: 'id', label: { en: 'ID', zh: 'ID' }, type: 'id', required: false }];
}

/** Header text reduced to what matters: case, width, spaces, punctuation and a required `*` ignored. */
export const normalizeHeader = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s_\-*:：()（）.]/g, '');

/**
 * Column → field: first what this user mapped the same header to last time (while the field is
 * still importable), then the field whose name, English or Chinese label the header is.
 * Each field takes at most one column.
 */
export function autoMapping(columns: readonly string[], fields: readonly ImportableField[], remembered: ImportMapping | undefined): ImportMapping {
  const importable = new Set(fields.map((f) => f.name));
  const byText = new Map<string, string>();
  for (const f of fields) for (const text of [f.name, f.label.en, f.label.zh]) if (text && !byText.has(normalizeHeader(text))) byText.set(normalizeHeader(text), f.name);
  const taken = new Set<string>();
  const mapping: ImportMapping = {};
  for (const column of columns) {
    const before = remembered && column in remembered ? remembered[column] : undefined;
    const candidate = before !== undefined ? before : byText.get(normalizeHeader(column)) ?? null;
    const field = candidate !== null && importable.has(candidate) && !taken.has(candidate) ? candidate : null;
    if (field) taken.add(field);
    mapping[column] = field;
  }
  return mapping;
}

/** Problems of a mapping the client sent: unknown columns, fields that cannot be imported, a field twice. */
export function mappingProblems(mapping: unknown, columns: readonly string[], fields: readonly ImportableField[]): string[] {
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) return ['the mapping must be an object of column header → field name (or null)'];
  const names = new Set(fields.map((f) => f.name));
  const problems: string[] = [];
  const used = new Map<string, string>();
  for (const [column, field] of Object.entries(mapping)) {
    if (!columns.includes(column)) problems.push(`the file has no column "${column}"`);
    if (field === null) continue;
    if (typeof field !== 'string' || !names.has(field)) problems.push(`column "${column}": "${String(field)}" is not a field you may import`);
    else if (used.has(field)) problems.push(`columns "${used.get(field)}" and "${column}" both map to "${field}"`);
    else used.set(field, column);
  }
  return problems;
}

/** The fields each unique key of the entity is made of: `x-unique` fields, then unique `x-indexes`. */
export function uniqueKeys(entity: EntityDefinition): string[][] {
  const single = Object.entries(entity.properties).filter(([, f]) => f['x-unique']).map(([name]) => [name]);
  const composite = (entity['x-indexes'] ?? []).flatMap((ix) => (!Array.isArray(ix) && ix.unique ? [ix.columns.map((c) => c.replace(/^-/, ''))] : []));
  return [...single, ...composite];
}
