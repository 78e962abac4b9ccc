import type { EntityDefinition } from '@tessera/metadata';

export interface EntityPair {
  from: EntityDefinition;
  to: EntityDefinition;
}

export interface EntityMatch {
  /** Entities in both versions, in the order of `to`. */
  pairs: EntityPair[];
  added: EntityDefinition[];
  removed: EntityDefinition[];
}

/**
 * Pairs the entities of two versions: by `x-id` where both sides have one (so a changed
 * `x-name` is a rename), then the rest by `x-name` (metadata written before entity ids).
 */
export function matchEntities(from: readonly EntityDefinition[], to: readonly EntityDefinition[]): EntityMatch {
  const unmatched = new Set(from);
  const partner = new Map<EntityDefinition, EntityDefinition>();
  for (const entity of to) {
    const id = entity['x-id'];
    const old = id === undefined ? undefined : [...unmatched].find((e) => e['x-id'] === id);
    if (old) {
      partner.set(entity, old);
      unmatched.delete(old);
    }
  }
  for (const entity of to) {
    if (partner.has(entity)) continue;
    // A name match only when the ids do not contradict it (both set and different = two entities).
    const old = [...unmatched].find((e) => e['x-name'] === entity['x-name'] && (e['x-id'] === undefined || entity['x-id'] === undefined));
    if (old) {
      partner.set(entity, old);
      unmatched.delete(old);
    }
  }
  return {
    pairs: to.filter((e) => partner.has(e)).map((e) => ({ from: partner.get(e)!, to: e })),
    added: to.filter((e) => !partner.has(e)),
    removed: from.filter((e) => unmatched.has(e)),
  };
}
