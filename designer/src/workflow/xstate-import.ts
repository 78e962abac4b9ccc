import type { WorkflowCallRef, WorkflowDefinition, WorkflowDelayedTransitionConfig, WorkflowStateConfig, WorkflowTransitionConfig } from '@tessera/metadata';

/**
 * Converts a machine config as Stately's editor exports it (XState v5 JSON: `{ id, initial,
 * states, context?, types?, … }`) into Tessera's data-only subset. What Tessera has no place
 * for (context, entry/exit, invoke, always, tags, descriptions…) is dropped with a warning;
 * what would change the machine's meaning (nested states, named delays, targetless
 * transitions) is an error. Every note carries the JSON path it is about.
 */

export interface ImportNote {
  path: string;
  message: string;
}

export interface ImportResult {
  workflow?: WorkflowDefinition;
  warnings: ImportNote[];
  errors: ImportNote[];
}

export interface ImportTarget {
  entity: string;
  stateField: string;
  /** Name for the workflow when the machine's id does not give a usable one. */
  fallbackName: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const EVENT = /^[A-Za-z][A-Za-z0-9_]*$/;
const STATE = /^[a-z][a-z0-9_]*$/;

// Keys Tessera keeps; everything else is reported.
const MACHINE_DROPPED = ['context', 'types', 'description', 'predictableActionArguments', 'preserveActionOrder', 'schemas', 'tsTypes', 'version', 'meta', 'entry', 'exit', 'on', 'after', 'always', 'invoke', 'tags', 'type'];
const STATE_DROPPED = ['entry', 'exit', 'invoke', 'always', 'tags', 'description', 'meta', 'id', 'output', 'onDone', 'history', 'target'];

/** `submitForReview` → `submit_for_review`: Tessera names are snake_case. */
export const toSnake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase();

export function importXState(input: unknown, target: ImportTarget): ImportResult {
  const warnings: ImportNote[] = [];
  const errors: ImportNote[] = [];
  const warn = (path: string, message: string) => warnings.push({ path, message });
  const fail = (path: string, message: string) => errors.push({ path, message });

  if (!isObject(input)) return { warnings, errors: [{ path: '', message: 'Paste a machine config: a JSON object with "initial" and "states".' }] };
  // Stately's "copy as JSON" may wrap the config as { machine: … } or { config: … }.
  const machine = isObject(input.states) ? input : isObject(input.machine) ? input.machine : isObject(input.config) ? input.config : input;
  for (const key of MACHINE_DROPPED) if (key in machine) warn(key, droppedMessage(key, 'machine'));
  if (!isObject(machine.states) || !Object.keys(machine.states).length) fail('states', 'The machine has no states.');
  const rawStates = isObject(machine.states) ? machine.states : {};

  // State names become select option values, so they are snake_case; renames are reported.
  const names = new Map<string, string>();
  for (const raw of Object.keys(rawStates)) {
    const name = STATE.test(raw) ? raw : toSnake(raw);
    if (!name || !STATE.test(name)) fail(`states.${raw}`, `The state "${raw}" cannot become a state name (lowercase letters, digits and _).`);
    else if ([...names.values()].includes(name)) fail(`states.${raw}`, `The state "${raw}" would be named "${name}", like another state.`);
    else {
      if (name !== raw) warn(`states.${raw}`, `The state "${raw}" is named "${name}" (state names are snake_case).`);
      names.set(raw, name);
    }
  }
  const targetOf = (raw: unknown, path: string): string | undefined => {
    if (raw === undefined) { fail(path, 'The transition has no target (Tessera transitions always move to a state).'); return undefined; }
    if (Array.isArray(raw)) { if (raw.length > 1) fail(path, 'The transition has several targets; Tessera takes one.'); raw = raw[0]; }
    if (typeof raw !== 'string') { fail(path, 'The target must be a state name.'); return undefined; }
    // `#machine.state` and `.state` address a sibling in a flat machine.
    const plain = raw.replace(/^#[^.]+\./, '').replace(/^\./, '');
    if (plain.includes('.')) { fail(path, `The target "${raw}" is a nested state; Tessera machines are flat.`); return undefined; }
    const name = names.get(plain);
    if (!name) fail(path, `The target "${raw}" is not a state of the machine.`);
    return name;
  };
  const callOf = (raw: unknown, path: string, kind: 'guard' | 'action'): WorkflowCallRef | undefined => {
    if (typeof raw === 'string') return { type: raw, params: {} };
    if (isObject(raw) && typeof raw.type === 'string') {
      if (raw.type.startsWith('xstate.')) { warn(path, `The built-in ${kind} "${raw.type}" (assign, raise, sendTo…) has no Tessera equivalent and was dropped.`); return undefined; }
      for (const key of Object.keys(raw)) if (key !== 'type' && key !== 'params') warn(`${path}.${key}`, droppedMessage(key, kind));
      return { type: raw.type, params: isObject(raw.params) ? raw.params : {} };
    }
    warn(path, `This ${kind} is code or an inline object, which JSON cannot carry; it was dropped.`);
    return undefined;
  };
  const transitionOf = (raw: unknown, path: string): WorkflowTransitionConfig | undefined => {
    if (Array.isArray(raw)) {
      if (raw.length > 1) warn(path, `Only the first of ${raw.length} guarded transitions is kept (Tessera has one transition per event).`);
      return transitionOf(raw[0], `${path}[0]`);
    }
    if (typeof raw === 'string') raw = { target: raw };
    if (!isObject(raw)) { fail(path, 'A transition is a state name or an object with "target".'); return undefined; }
    const targetName = targetOf(raw.target, `${path}.target`);
    for (const key of Object.keys(raw)) if (!['target', 'guard', 'cond', 'actions', 'meta', 'reenter', 'internal'].includes(key)) warn(`${path}.${key}`, droppedMessage(key, 'transition'));
    if (raw.reenter !== undefined || raw.internal !== undefined) warn(`${path}.reenter`, 'Re-entry options are dropped: a Tessera transition always enters its target.');
    if (!targetName) return undefined;
    const out: WorkflowTransitionConfig = { target: targetName };
    const guardRaw = raw.guard ?? raw.cond;
    if (raw.cond !== undefined) warn(`${path}.cond`, '"cond" (XState v4) is read as "guard".');
    const guard = guardRaw === undefined ? undefined : callOf(guardRaw, `${path}.guard`, 'guard');
    if (guard) out.guard = guard;
    const rawActions = raw.actions === undefined ? [] : Array.isArray(raw.actions) ? raw.actions : [raw.actions];
    const actions = rawActions.map((a, i) => callOf(a, `${path}.actions[${i}]`, 'action')).filter((a): a is WorkflowCallRef => Boolean(a));
    if (actions.length) out.actions = actions;
    if (isObject(raw.meta)) {
      const meta: WorkflowTransitionConfig['meta'] = {};
      if (Array.isArray(raw.meta.roles)) meta.roles = raw.meta.roles.filter((r): r is string => typeof r === 'string');
      if (isObject(raw.meta.label) || typeof raw.meta.label === 'string') meta.label = typeof raw.meta.label === 'string' ? { en: raw.meta.label } : (raw.meta.label as { en: string });
      if (isObject(raw.meta.form)) meta.form = raw.meta.form as unknown as NonNullable<WorkflowTransitionConfig['meta']>['form'];
      for (const key of Object.keys(raw.meta)) if (!['roles', 'label', 'form'].includes(key)) warn(`${path}.meta.${key}`, droppedMessage(key, 'transition meta'));
      if (Object.keys(meta).length) out.meta = meta;
    }
    return out;
  };

  const states: Record<string, WorkflowStateConfig> = {};
  for (const [raw, name] of names) {
    const config = rawStates[raw];
    const path = `states.${raw}`;
    const state: WorkflowStateConfig = {};
    if (!isObject(config)) { states[name] = state; continue; }
    if (isObject(config.states) || config.type === 'parallel' || config.type === 'compound') fail(path, `The state "${raw}" has child states; Tessera machines are flat (one state field holds one state).`);
    if (config.type === 'history') fail(path, `History states have no Tessera equivalent.`);
    if (config.type === 'final') state.type = 'final';
    for (const key of STATE_DROPPED) if (key in config) warn(`${path}.${key}`, droppedMessage(key, 'state'));
    if (isObject(config.on)) {
      const on: Record<string, WorkflowTransitionConfig> = {};
      for (const [event, t] of Object.entries(config.on)) {
        if (event === '*' || event.startsWith('xstate.')) { warn(`${path}.on.${event}`, 'Wildcard and xstate.* events are dropped.'); continue; }
        const eventName = EVENT.test(event) ? event : event.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+/, '');
        if (!EVENT.test(eventName)) { fail(`${path}.on.${event}`, `The event "${event}" cannot become an event name (letters, digits and _).`); continue; }
        if (eventName !== event) warn(`${path}.on.${event}`, `The event "${event}" is named "${eventName}".`);
        const converted = transitionOf(t, `${path}.on.${event}`);
        if (converted) on[eventName] = converted;
      }
      if (Object.keys(on).length) state.on = on;
    }
    if (isObject(config.after)) {
      const after: Record<string, WorkflowDelayedTransitionConfig> = {};
      for (const [delay, t] of Object.entries(config.after)) {
        if (!/^[1-9][0-9]*$/.test(delay)) { fail(`${path}.after.${delay}`, `The delay "${delay}" is named; Tessera timers are milliseconds (e.g. "86400000" for a day).`); continue; }
        const converted = transitionOf(t, `${path}.after.${delay}`);
        if (converted) { const { meta: _meta, ...timer } = converted; after[delay] = timer; }
      }
      if (Object.keys(after).length) state.after = after;
    }
    if (isObject(config.approval)) state.approval = config.approval as unknown as WorkflowStateConfig['approval'];
    if (isObject(config.label)) state.label = config.label as { en: string };
    states[name] = state;
  }

  const initialRaw = typeof machine.initial === 'string' ? machine.initial : undefined;
  const initial = initialRaw ? names.get(initialRaw) : undefined;
  if (!initialRaw) fail('initial', 'The machine has no "initial" state.');
  else if (!initial) fail('initial', `The initial state "${initialRaw}" is not one of the states.`);

  const id = typeof machine.id === 'string' && machine.id ? machine.id : undefined;
  const snake = id ? toSnake(id).slice(0, 63) : '';
  const name = /^[a-z][a-z0-9_]*$/.test(snake) ? snake : target.fallbackName;
  if (errors.length) return { warnings, errors };
  return {
    warnings,
    errors,
    workflow: { name, label: { en: id ?? name }, entity: target.entity, stateField: target.stateField, version: 1, machine: { id: name, initial: initial!, states } },
  };
}

function droppedMessage(key: string, where: string): string {
  const why: Record<string, string> = {
    context: 'Tessera machines keep no context: the record is their data',
    types: 'type declarations are for TypeScript only',
    entry: 'Tessera runs actions on transitions, not on entering a state; move them to the incoming transitions',
    exit: 'Tessera runs actions on transitions, not on leaving a state; move them to the outgoing transitions',
    invoke: 'Tessera does not invoke services; use an action (e.g. webhook) on a transition',
    always: 'eventless transitions are not supported',
    on: 'machine-level transitions are not supported; add the event to each state that needs it',
    after: 'machine-level timers are not supported; put the timer on a state',
  };
  return `"${key}" on the ${where} was dropped${why[key] ? `: ${why[key]}` : ''}.`;
}
