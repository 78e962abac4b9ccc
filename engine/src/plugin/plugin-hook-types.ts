import type { PluginContext } from './plugin-context-types';

/** A record as hooks see it when the plugin does not name its app's types. */
export type PluginRecord = Record<string, unknown>;

/**
 * What a before-hook may do besides reading: change `data` (the runtime re-validates it
 * afterwards, so a hook cannot store what the entity forbids) or reject the whole write.
 */
export interface BeforeHookContext<T, Records> extends PluginContext<Records> {
  entity: string;
  /** Stops the write: 422 `rejected_by_plugin`, naming the plugin (and `field`, when given). */
  reject(message: string, field?: string): never;
}

export interface BeforeCreateContext<T, R> extends BeforeHookContext<T, R> {
  /** The validated body; assign to its properties (or replace it) to change what is stored. */
  data: Partial<T>;
  /** The id the record will have (so a hook can key its own rows to it in the same transaction). */
  id: string;
}
/**
 * Many creates at once (an import batch): one call for every item, so a plugin can check them
 * all in one query instead of one per record. The items are what will be inserted in this
 * transaction, with the ids they will get, unless the hook refuses them: `rejectItem` refuses
 * one (the others go on), `reject` the whole batch. `data` is read-only here (a plugin that
 * changes records does it in `beforeCreate`). A plugin with this hook for an entity has its
 * `beforeCreate` called only for single creates; without one, batches call `beforeCreate` per item.
 */
export interface BeforeCreateManyContext<T, R> extends BeforeHookContext<T, R> {
  items: readonly { id: string; data: Readonly<Partial<T>> }[];
  rejectItem(index: number, message: string, field?: string): void;
}
export interface BeforeUpdateContext<T, R> extends BeforeHookContext<T, R> {
  id: string;
  data: Partial<T>;
  /** The stored record, read (and locked) inside the write's transaction. */
  previous: T;
}
export interface BeforeDeleteContext<T, R> extends BeforeHookContext<T, R> {
  id: string;
  previous: T;
}
export interface BeforeTransitionContext<T, R> extends BeforeHookContext<T, R> {
  id: string;
  event: string;
  from: string;
  previous: T;
}

/** After-hooks run once the write is committed: they see what is stored and cannot undo it. */
export interface AfterHookContext<T, Records> extends PluginContext<Records> {
  entity: string;
  id: string;
  /** The record as committed; undefined after a delete. */
  record: T | undefined;
  previous?: T;
}
export interface AfterTransitionContext<T, R> extends AfterHookContext<T, R> {
  event: string;
  from: string;
  to: string;
}

type Awaitable<T> = T | Promise<T>;

/** The hooks a plugin may put on one entity. */
export interface EntityHooks<T = PluginRecord, R = Record<string, PluginRecord>> {
  beforeCreate?(ctx: BeforeCreateContext<T, R>): Awaitable<void>;
  beforeCreateMany?(ctx: BeforeCreateManyContext<T, R>): Awaitable<void>;
  afterCreate?(ctx: AfterHookContext<T, R>): Awaitable<void>;
  beforeUpdate?(ctx: BeforeUpdateContext<T, R>): Awaitable<void>;
  afterUpdate?(ctx: AfterHookContext<T, R>): Awaitable<void>;
  beforeDelete?(ctx: BeforeDeleteContext<T, R>): Awaitable<void>;
  afterDelete?(ctx: AfterHookContext<T, R>): Awaitable<void>;
  beforeTransition?(ctx: BeforeTransitionContext<T, R>): Awaitable<void>;
  afterTransition?(ctx: AfterTransitionContext<T, R>): Awaitable<void>;
}

export type HookName = keyof EntityHooks;

/**
 * Hooks keyed by entity name (`x-name`). `Records` maps entity names to record types — the
 * `TesseraRecords` interface `tessera types` writes — so a hook on `customer` sees `Customer`;
 * `'*'` runs for every entity.
 */
export type PluginHooks<Records> = { [E in keyof Records]?: EntityHooks<Records[E], Records> } & { '*'?: EntityHooks<PluginRecord, Records> };
