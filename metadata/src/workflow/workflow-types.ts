import type { LocalizedText } from '../i18n-types';
import type { ApprovalConfig } from './approval-types';

/**
 * A workflow: an XState v5 machine config (a data-only subset) bound to a select field of an
 * entity. Guards and actions are named, never code; the engine looks them up in its registry.
 */
export interface WorkflowDefinition {
  /** snake_case; unique in the app. */
  name: string;
  label?: LocalizedText;
  /** `x-name` of the entity whose records move through the machine. */
  entity: string;
  /** A select field of that entity whose options are the state names. Written only by transitions. */
  stateField: string;
  /** Recorded with every transition, so history says which definition moved a record. */
  version?: number;
  machine: WorkflowMachineConfig;
}

export interface WorkflowMachineConfig {
  id?: string;
  initial: string;
  states: Record<string, WorkflowStateConfig>;
  /** Designer data (XState keeps a machine's meta as is): canvas positions of the states. */
  meta?: { layout?: Record<string, { x: number; y: number }> };
}

export interface WorkflowStateConfig {
  type?: 'final';
  label?: LocalizedText;
  /** Event name (UPPER_SNAKE or lower_snake) → the transition it takes. */
  on?: Record<string, WorkflowTransitionConfig>;
  /** Delay in milliseconds (as a JSON key) → the transition taken when the record stays that long. */
  after?: Record<string, WorkflowDelayedTransitionConfig>;
  /** The approval chain this state waits for (see approval-types). */
  approval?: ApprovalConfig;
  /** Fields read-only while a record is in this state (and its approval runs). */
  lock?: WorkflowStateLock;
}

/** `"*"`: the whole record; else the named fields. Users with a role in `except` may still change them. */
export interface WorkflowStateLock {
  fields: '*' | string[];
  except?: string[];
}

/** A guard or action reference: the registry name and its (data-only) parameters. */
export interface WorkflowCallRef {
  type: string;
  params?: Record<string, unknown>;
}

export interface WorkflowTransitionConfig {
  target: string;
  guard?: WorkflowCallRef;
  actions?: WorkflowCallRef[];
  meta?: WorkflowTransitionMeta;
}

export interface WorkflowDelayedTransitionConfig {
  target: string;
  guard?: WorkflowCallRef;
  actions?: WorkflowCallRef[];
  /**
   * A date or datetime field of the record: the delay counts from its moment (a date is 00:00
   * in the jobs' time zone) instead of from entering the state, and follows the field when it
   * changes. Absent: an ordinary state timer (ADR 0046).
   */
  since?: string;
}

export interface WorkflowTransitionMeta {
  /** Only users with one of these roles may take the transition; absent: anyone who may update the record. */
  roles?: string[];
  /** The data the transition asks for (e.g. a rejection comment), as a JSON Schema object body. */
  form?: WorkflowTransitionForm;
  label?: LocalizedText;
}

export interface WorkflowTransitionForm {
  required?: string[];
  properties: Record<string, Record<string, unknown>>;
}
