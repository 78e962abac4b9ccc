import type { AppDefinition, EntityDefinition, FieldDefinition, FormLayout, WorkflowDefinition, WorkflowStateConfig } from '@tessera/metadata';

/**
 * Field references in settings follow a rename (or a delete, `to` undefined): the pool's
 * follow-up field and activity (whose `via` and `date` are fields of the child entity), a
 * transfer rule's open-by field, the fields a state locks, and a public form's default values.
 * A setting that named a deleted field is dropped, never left naming nothing (a lock of no
 * fields, an activity without its date), so the app stays publishable.
 */
export function renameInSettings(app: AppDefinition, entityName: string, from: string, to: string | undefined): AppDefinition {
  const swap = (name: string) => (name === from ? to : name);
  const entities = app.entities.map((e) => renameInEntity(e, entityName, from, to));
  const workflows = app.workflows?.map((w) => (w.entity !== entityName ? w : renameInLocks(w, swap)));
  const layouts = app.layouts.map((l) => (l.entity !== entityName || !l.public?.defaults || !(from in l.public.defaults) ? l : renameInDefaults(l, from, to)));
  return { ...app, entities, layouts, ...(workflows ? { workflows } : {}) };
}

function renameInEntity(entity: EntityDefinition, entityName: string, from: string, to: string | undefined): EntityDefinition {
  let next = entity;
  const pool = entity['x-pool'];
  if (pool) {
    const { activityField, activity, ...rest } = pool;
    const field = entity['x-name'] === entityName && activityField === from ? to : activityField;
    const child = activity?.entity === entityName && (activity.via === from || activity.date === from);
    const moved = activity && child ? (to ? { ...activity, via: activity.via === from ? to : activity.via, date: activity.date === from ? to : activity.date } : undefined) : activity;
    if (field !== activityField || moved !== activity) next = { ...next, 'x-pool': { ...rest, ...(field ? { activityField: field } : {}), ...(moved ? { activity: moved } : {}) } };
  }
  if (entity['x-name'] !== entityName) return next;
  const properties = Object.fromEntries(Object.entries(next.properties).map(([name, f]): [string, FieldDefinition] => {
    const rule = f['x-relation']?.onTransfer;
    if (!rule || typeof rule === 'string' || rule.open.field !== from) return [name, f];
    const { onTransfer: _gone, ...relation } = f['x-relation']!;
    return [name, { ...f, 'x-relation': to ? { ...relation, onTransfer: { open: { ...rule.open, field: to } } } : relation }];
  }));
  return { ...next, properties };
}

function renameInLocks(wf: WorkflowDefinition, swap: (name: string) => string | undefined): WorkflowDefinition {
  const states = Object.fromEntries(Object.entries(wf.machine.states).map(([name, s]): [string, WorkflowStateConfig] => {
    if (!s.lock || s.lock.fields === '*') return [name, s];
    const fields = s.lock.fields.map(swap).filter((f): f is string => f !== undefined);
    const { lock, ...rest } = s;
    return [name, fields.length ? { ...rest, lock: { ...lock, fields } } : rest];
  }));
  return { ...wf, machine: { ...wf.machine, states } };
}

function renameInDefaults(layout: FormLayout, from: string, to: string | undefined): FormLayout {
  const { defaults, ...form } = layout.public!;
  const next = Object.fromEntries(Object.entries(defaults!).flatMap(([k, v]): [string, unknown][] => (k !== from ? [[k, v]] : to ? [[to, v]] : [])));
  return { ...layout, public: { ...form, ...(Object.keys(next).length ? { defaults: next } : {}) } };
}
