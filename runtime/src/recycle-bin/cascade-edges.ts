import type { OnDeletePolicy } from '@tessera/metadata';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';

/** A many-to-one field of `child` pointing at a parent entity, and what deleting the parent does to it. */
export interface CascadeEdge {
  child: CompiledEntity;
  field: string;
  column: string;
  onDelete: OnDeletePolicy;
}

/**
 * Every relation column that points at `parent` (the foreign keys the database would follow on
 * a hard delete), read from the published metadata. The default policy is `restrict`, as in the
 * generated foreign key.
 */
export function edgesInto(state: AppState, parent: string): CascadeEdge[] {
  const edges: CascadeEdge[] = [];
  for (const child of state.byPlural.values()) {
    for (const [field, def] of Object.entries(child.entity.properties)) {
      const relation = def['x-relation'];
      if (!relation || relation.entity !== parent || relation.kind !== 'many-to-one') continue;
      const compiled = child.fieldsByName.get(field);
      if (!compiled || compiled.joinTable) continue;
      edges.push({ child, field, column: compiled.column, onDelete: relation.onDelete ?? 'restrict' });
    }
  }
  return edges;
}

export const keepsDeleted = (entity: CompiledEntity) => entity.entity['x-soft-delete'] === true;

/** Ids as one PostgreSQL array literal (`?::uuid[]`): knex would spread a JS array into many parameters. */
export const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;
