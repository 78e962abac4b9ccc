import type { EntityDefinition } from '@tessera/metadata';

/** transferRecord's params as the designer edits them (the engine's TransferRecordParams, partial while being filled in). */
export interface TransferParams {
  entity?: string;
  record?: { $expr: string };
  to?: { $expr: string };
}

/** One choice of a picker: the expression it writes and the field (or marker) it names. */
export interface TransferChoice {
  expr: string;
  /** A field of the workflow's entity, `this` for the record itself, `actor` for the person taking the step. */
  field: string;
}

const pointsAt = (def: EntityDefinition['properties'][string], entity: string) => {
  const rel = def['x-relation'];
  return def['x-type'] === 'relation' && rel?.entity === entity && rel.kind === 'many-to-one';
};

/**
 * What a workflow on `source` can hand over: the entities its to-one relations point at, and
 * itself (the record of the transition). The publish check accepts exactly these as one field.
 */
export function transferEntities(source: EntityDefinition, entities: readonly EntityDefinition[]): EntityDefinition[] {
  const names = new Set([source['x-name'], ...Object.values(source.properties).filter((d) => d['x-type'] === 'relation' && d['x-relation']?.kind === 'many-to-one').map((d) => d['x-relation']!.entity)]);
  return entities.filter((e) => names.has(e['x-name']));
}

/** Which record of `entity`: each relation field of `source` that points at it, and the record itself when it is one. */
export function recordChoices(source: EntityDefinition, entity: string): TransferChoice[] {
  const fields = Object.entries(source.properties).filter(([, d]) => pointsAt(d, entity)).map(([f]) => ({ expr: f, field: f }));
  return entity === source['x-name'] ? [{ expr: 'id', field: 'this' }, ...fields] : fields;
}

/** Who receives it: each user field of `source`, and the person taking the step. */
export function userChoices(source: EntityDefinition): TransferChoice[] {
  const fields = Object.entries(source.properties).filter(([, d]) => d['x-type'] === 'user').map(([f]) => ({ expr: f, field: f }));
  return [...fields, { expr: '$user.id', field: 'actor' }];
}

/**
 * The params after picking an entity: the record picker keeps its choice only if it still fits,
 * else takes the first that does (so a one-relation workflow is filled in with one pick).
 */
export function withEntity(params: TransferParams, source: EntityDefinition, entity: string): TransferParams {
  const choices = recordChoices(source, entity);
  const kept = choices.find((c) => c.expr === params.record?.$expr);
  const record = kept ?? choices[0];
  const to = params.to ?? (userChoices(source)[0] ? { $expr: userChoices(source)[0].expr } : undefined);
  return { entity, ...(record ? { record: { $expr: record.expr } } : {}), ...(to ? { to } : {}) };
}

/** The transfer editor's state: the entity and the two expressions, as its pickers hold them. */
export interface TransferState {
  entity: string;
  record: string;
  to: string;
}

export const transferToState = (p: TransferParams): TransferState => ({ entity: p.entity ?? '', record: p.record?.$expr ?? '', to: p.to?.$expr ?? '' });

export const transferToParams = (s: TransferState): TransferParams => ({
  ...(s.entity ? { entity: s.entity } : {}),
  ...(s.record ? { record: { $expr: s.record } } : {}),
  ...(s.to ? { to: { $expr: s.to } } : {}),
});
