import type { AppDefinition, FieldDefinition } from '@tessera/metadata';

/** One line of a structural diff: what happened to an entity or a field, matched by stable id. */
export interface DiffLine {
  change: 'added' | 'removed' | 'renamed' | 'changed';
  entity: string;
  field?: string;
  detail?: string;
}

const fieldKeys = (f: FieldDefinition) => Object.keys(f).filter((k) => k !== 'x-id').sort();

/**
 * Entities and fields added, removed, renamed or changed from `before` to `after`. Fields are
 * matched by `x-id` (so a rename shows as one) and entities by `x-id`, else by name.
 */
export function diffApps(before: AppDefinition, after: AppDefinition): DiffLine[] {
  const lines: DiffLine[] = [];
  const entityKey = (e: AppDefinition['entities'][number]) => e['x-id'] ?? e['x-name'];
  const old = new Map(before.entities.map((e) => [entityKey(e), e]));
  for (const entity of after.entities) {
    const was = old.get(entityKey(entity));
    old.delete(entityKey(entity));
    const name = entity['x-name'];
    if (!was) { lines.push({ change: 'added', entity: name }); continue; }
    if (was['x-name'] !== name) lines.push({ change: 'renamed', entity: name, detail: `${was['x-name']} → ${name}` });
    const byId = new Map(Object.entries(was.properties).map(([n, f]) => [f['x-id'], { n, f }]));
    for (const [fieldName, field] of Object.entries(entity.properties)) {
      const prior = byId.get(field['x-id']);
      byId.delete(field['x-id']);
      if (!prior) { lines.push({ change: 'added', entity: name, field: fieldName, detail: field['x-type'] }); continue; }
      if (prior.n !== fieldName) lines.push({ change: 'renamed', entity: name, field: fieldName, detail: `${prior.n} → ${fieldName}` });
      const changed = [...new Set([...fieldKeys(prior.f), ...fieldKeys(field)])]
        .filter((k) => JSON.stringify(prior.f[k as keyof FieldDefinition]) !== JSON.stringify(field[k as keyof FieldDefinition]));
      const requiredChanged = (was.required ?? []).includes(prior.n) !== (entity.required ?? []).includes(fieldName);
      if (requiredChanged) changed.push('required');
      if (changed.length) lines.push({ change: 'changed', entity: name, field: fieldName, detail: changed.join(', ') });
    }
    for (const { n } of byId.values()) lines.push({ change: 'removed', entity: name, field: n });
  }
  for (const entity of old.values()) lines.push({ change: 'removed', entity: entity['x-name'] });
  return lines;
}
