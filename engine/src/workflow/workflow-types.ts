import type { EntityDefinition } from '@tessera/metadata';
import type { JsonSchema } from '../field-types/field-type-types';
import type { FieldError } from '../validation/validation-types';

/** Who is taking a transition; null for timers (the system). */
export interface WorkflowActor {
  id: string;
  roles: string[];
}

/** What guards and actions see: the record before the transition, the actor, the form data, the time. */
export interface WorkflowContext {
  record: Record<string, unknown>;
  user: WorkflowActor | null;
  /** The transition form's data (empty for timers and form-less transitions). */
  data: Record<string, unknown>;
  /** Injected ISO timestamp: the engine never reads the clock. */
  now: string;
}

/**
 * A side effect as data. Actions only describe; the runtime executes each kind inside the
 * transition's transaction (`set-fields`, `assign-owner`, `create-record`, `transfer-record`) or through the
 * outbox written in that transaction (`notify`, `webhook`, plugin kinds).
 */
export type WorkflowEffect =
  | { kind: 'set-fields'; fields: Record<string, unknown> }
  /** `round-robin`: the next of `users` in the turn kept under `key`. */
  | { kind: 'assign-owner'; strategy: 'round-robin'; users: string[]; key: string }
  /** `load`: the active user of `users` (else of `fallback`) owning the fewest open records of the entity. */
  | { kind: 'assign-owner'; strategy: 'load'; users: string[]; fallback?: string[] }
  /**
   * `values` are resolved already, except `{ $created: alias }`: the id of a record an earlier
   * create-record of the same transition made (`as`). `link`: a field of the new record set to
   * the transition's record; `backLink`: a field of the transition's record set to the new one.
   */
  | { kind: 'create-record'; entity: string; values: Record<string, unknown>; link?: string; as?: string; backLink?: string }
  /** `template`/`subject` per locale or one for all; `channels` absent means `['inApp']`. */
  | { kind: 'notify'; template: LocalizedTemplate; to: string[]; subject?: LocalizedTemplate; channels?: string[]; record: Record<string, unknown> }
  /** `secret` signs the body; `retryLimit`/`retryDelay` (seconds, doubled each try) bound the retries. */
  | { kind: 'webhook'; url: string; body: Record<string, unknown>; secret?: string; retryLimit?: number; retryDelay?: number }
  | { kind: 'outbox'; type: string; payload: Record<string, unknown> }
  /**
   * Hand the record `id` of `entity` (with the children its relations' onTransfer say follow) to
   * the user `to`, in the transaction; ids are null when the expression gave nothing. `source`
   * keeps the expressions that gave them, so an error names the field (`customer`, `new_owner`).
   */
  | { kind: 'transfer-record'; entity: string; id: string | null; to: string | null; source: { record: string; to: string } }
  /** Start (or resume) the approval chain of the state entered; the runtime runs it in the transaction. */
  | { kind: 'start-approval' };

/** A Handlebars template for everyone, or one per locale (`en` is the fallback). */
export type LocalizedTemplate = string | { en: string; zh?: string };

/**
 * A publish-time problem: a message (reported at the call's params), or one with `at`, the
 * path inside the params it concerns (reported there: `/params/rules/1/when`).
 */
export type CheckProblem = string | { at: (string | number)[]; message: string };

/** What a guard/action check may look at when a workflow is published. */
export interface WorkflowCheckContext {
  entity: EntityDefinition;
  entities: readonly EntityDefinition[];
}

export interface GuardDefinition<P = Record<string, unknown>> {
  /** Built-ins are plain (`role`); plugin guards are `<plugin>:<id>`. */
  name: string;
  description?: string;
  /** JSON Schema the params must satisfy; checked at publish. */
  paramsSchema?: JsonSchema;
  /** Publish-time checks beyond the schema (e.g. an expression names real fields); messages. */
  check?(params: P, ctx: WorkflowCheckContext): CheckProblem[];
  evaluate(params: P, ctx: WorkflowContext): boolean;
}

export interface ActionDefinition<P = Record<string, unknown>> {
  name: string;
  description?: string;
  paramsSchema?: JsonSchema;
  check?(params: P, ctx: WorkflowCheckContext): CheckProblem[];
  /** The pure half: what should happen. The runtime holds the effectful half. */
  resolve(params: P, ctx: WorkflowContext): WorkflowEffect[];
}

/** One transition a user may see (and, when `allowed`, take) from the current state. */
export interface AvailableTransition {
  event: string;
  target: string;
  label?: import('@tessera/metadata').LocalizedText;
  /** The JSON Schema of the transition form, when the transition asks for data. */
  form?: JsonSchema;
}

/** A timer to (re)arm after entering a state: fire `event` after `delayMs` if the record has not moved. */
export interface WorkflowTimer {
  event: string;
  delayMs: number;
}

export type TransitionFailure =
  | { ok: false; code: 'unknown_event'; message: string }
  | { ok: false; code: 'forbidden'; message: string }
  | { ok: false; code: 'guard_failed'; message: string }
  | { ok: false; code: 'invalid_form'; message: string; errors: FieldError[] };

export interface TransitionSuccess {
  ok: true;
  from: string;
  to: string;
  /** The form data as validated (defaults applied). */
  data: Record<string, unknown>;
  effects: WorkflowEffect[];
  /** Timers of the state entered (empty when the transition stays or the state has none). */
  timers: WorkflowTimer[];
  final: boolean;
}

export type TransitionResult = TransitionSuccess | TransitionFailure;
