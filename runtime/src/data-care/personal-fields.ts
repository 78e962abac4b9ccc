import type { EntityDefinition } from '@tessera/metadata';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';

/** Field types that name a person by default (a field opts out with `x-personal: false`). */
const PERSONAL_TYPES = new Set(['email', 'phone']);

type Field = EntityDefinition['properties'][string];

/**
 * The fields of `entity` that hold a person's data: declared `x-personal: true`, and every email
 * or phone field unless declared `x-personal: false`. Relations and computed fields never are
 * (a relation holds an id; what it names is erased where it lives).
 */
export function personalFields(entity: EntityDefinition, declaredOnly = false): string[] {
  return Object.entries(entity.properties as Record<string, Field>)
    .filter(([, f]) => !f['x-relation'] && !f['x-formula'])
    .filter(([, f]) => f['x-personal'] === true || (!declaredOnly && f['x-personal'] !== false && PERSONAL_TYPES.has(f['x-type'])))
    .map(([name]) => name);
}

/** A record of another entity that points at the person's record through a many-to-one field. */
export interface Referrer {
  entity: CompiledEntity;
  field: string;
  column: string;
}

/** Every many-to-one field of the app that can point at a record of `target`. */
export function referrersOf(state: AppState, target: string): Referrer[] {
  const found: Referrer[] = [];
  for (const entity of state.byPlural.values()) {
    for (const [name, field] of Object.entries(entity.entity.properties as Record<string, Field>)) {
      const relation = field['x-relation'];
      if (relation?.entity !== target || relation.kind !== 'many-to-one') continue;
      const compiled = entity.fieldsByName.get(name);
      if (compiled && !compiled.joinTable) found.push({ entity, field: name, column: compiled.column });
    }
  }
  return found;
}
