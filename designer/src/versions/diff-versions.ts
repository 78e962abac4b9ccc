import type { AppDefinition, EntityDefinition, FieldDefinition, WorkflowDefinition } from '@tessera/metadata';

export type Change = 'added' | 'removed' | 'renamed' | 'changed';

/** One attribute of a field (`x-label`, `maxLength`, `required`…) before and after; absent is undefined. */
export interface AttributeChange {
  key: string;
  before: unknown;
  after: unknown;
}

export interface FieldChange {
  change: Change;
  field: string;
  /** For a rename: the old name. */
  from?: string;
  attributes: AttributeChange[];
}

export interface EntityChange {
  change: Change;
  entity: string;
  from?: string;
  fields: FieldChange[];
}

/** What changed inside a workflow, as items like `state lost`, `transition open.WIN`. */
export interface WorkflowChange {
  change: Exclude<Change, 'renamed'>;
  workflow: string;
  items: { change: Exclude<Change, 'renamed'>; what: 'state' | 'transition' | 'timer' | 'initial' | 'binding' | 'approval'; name: string }[];
}

export interface VersionDiff {
  entities: EntityChange[];
  workflows: WorkflowChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const entityKey = (e: EntityDefinition) => e['x-id'] ?? e['x-name'];

function fieldAttributes(before: FieldDefinition, after: FieldDefinition, requiredBefore: boolean, requiredAfter: boolean): AttributeChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'x-id').sort();
  const changes = keys
    .filter((k) => !same(before[k as keyof FieldDefinition], after[k as keyof FieldDefinition]))
    .map((key) => ({ key, before: before[key as keyof FieldDefinition], after: after[key as keyof FieldDefinition] }));
  if (requiredBefore !== requiredAfter) changes.push({ key: 'required', before: requiredBefore, after: requiredAfter });
  return changes;
}

function diffEntity(was: EntityDefinition, now: EntityDefinition): EntityChange | undefined {
  const fields: FieldChange[] = [];
  const old = new Map(Object.entries(was.properties).map(([n, f]) => [f['x-id'], { n, f }]));
  for (const [name, field] of Object.entries(now.properties)) {
    const prior = old.get(field['x-id']);
    old.delete(field['x-id']);
    if (!prior) { fields.push({ change: 'added', field: name, attributes: [{ key: 'x-type', before: undefined, after: field['x-type'] }] }); continue; }
    const attributes = fieldAttributes(prior.f, field, (was.required ?? []).includes(prior.n), (now.required ?? []).includes(name));
    if (prior.n !== name) fields.push({ change: 'renamed', field: name, from: prior.n, attributes });
    else if (attributes.length) fields.push({ change: 'changed', field: name, attributes });
  }
  for (const { n } of old.values()) fields.push({ change: 'removed', field: n, attributes: [] });
  const renamed = was['x-name'] !== now['x-name'];
  // Entity-level attributes other than the fields (label, plural…) show as one pseudo-field.
  const { properties: _p, required: _r, ...restWas } = was;
  const { properties: _q, required: _s, ...restNow } = now;
  const entityAttrs = fieldAttributes(restWas as unknown as FieldDefinition, restNow as unknown as FieldDefinition, false, false).filter((a) => a.key !== 'x-name');
  if (entityAttrs.length) fields.unshift({ change: 'changed', field: '', attributes: entityAttrs });
  if (!renamed && !fields.length) return undefined;
  return { change: renamed ? 'renamed' : 'changed', entity: now['x-name'], ...(renamed ? { from: was['x-name'] } : {}), fields };
}

function diffWorkflow(was: WorkflowDefinition, now: WorkflowDefinition): WorkflowChange['items'] {
  const items: WorkflowChange['items'] = [];
  if (was.entity !== now.entity || was.stateField !== now.stateField) items.push({ change: 'changed', what: 'binding', name: `${now.entity}.${now.stateField}` });
  if (was.machine.initial !== now.machine.initial) items.push({ change: 'changed', what: 'initial', name: now.machine.initial });
  const before = was.machine.states;
  const after = now.machine.states;
  for (const s of Object.keys(after)) if (!(s in before)) items.push({ change: 'added', what: 'state', name: s });
  for (const s of Object.keys(before)) if (!(s in after)) items.push({ change: 'removed', what: 'state', name: s });
  for (const [s, state] of Object.entries(after)) {
    const prior = before[s];
    if (!prior) continue;
    if (prior.type !== state.type) items.push({ change: 'changed', what: 'state', name: s });
    if (!same(prior.approval, state.approval)) items.push({ change: !prior.approval ? 'added' : !state.approval ? 'removed' : 'changed', what: 'approval', name: s });
    const groups = [['transition', prior.on ?? {}, state.on ?? {}], ['timer', prior.after ?? {}, state.after ?? {}]] as const;
    for (const [what, old, next] of groups) {
      for (const [k, t] of Object.entries(next)) {
        const o = (old as Record<string, unknown>)[k];
        if (o === undefined) items.push({ change: 'added', what, name: `${s}.${k}` });
        else if (!same(o, t)) items.push({ change: 'changed', what, name: `${s}.${k}` });
      }
      for (const k of Object.keys(old)) if (!(k in next)) items.push({ change: 'removed', what, name: `${s}.${k}` });
    }
  }
  return items;
}

/**
 * The structural difference between two published versions (or a version and the draft):
 * entities and fields matched by stable id (a rename is one change), each field's changed
 * attributes with both values, and workflows by name down to states, transitions and timers.
 * Canvas positions (`machine.meta`) are not a change of behaviour and are left out.
 */
export function diffVersions(before: AppDefinition, after: AppDefinition): VersionDiff {
  const entities: EntityChange[] = [];
  const old = new Map(before.entities.map((e) => [entityKey(e), e]));
  for (const entity of after.entities) {
    const was = old.get(entityKey(entity));
    old.delete(entityKey(entity));
    if (!was) { entities.push({ change: 'added', entity: entity['x-name'], fields: Object.keys(entity.properties).map((field) => ({ change: 'added' as const, field, attributes: [] })) }); continue; }
    const change = diffEntity(was, entity);
    if (change) entities.push(change);
  }
  for (const e of old.values()) entities.push({ change: 'removed', entity: e['x-name'], fields: [] });

  const workflows: WorkflowChange[] = [];
  const oldFlows = new Map((before.workflows ?? []).map((w) => [w.name, w]));
  for (const wf of after.workflows ?? []) {
    const was = oldFlows.get(wf.name);
    oldFlows.delete(wf.name);
    if (!was) { workflows.push({ change: 'added', workflow: wf.name, items: [] }); continue; }
    const items = diffWorkflow(was, wf);
    if (items.length) workflows.push({ change: 'changed', workflow: wf.name, items });
  }
  for (const w of oldFlows.values()) workflows.push({ change: 'removed', workflow: w.name, items: [] });
  return { entities, workflows };
}

/** A short rendering of an attribute value for the diff list. */
export function showValue(value: unknown): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
