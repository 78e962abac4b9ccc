import type { FieldTypeDefinition, JsonSchema } from '../field-types/field-type-types';
import type { ChannelDefinition } from '../workflow/channel-types';
import type { ActionDefinition, GuardDefinition } from '../workflow/workflow-types';
import type { PluginJob, PluginLifecycleContext, PluginRouter } from './plugin-context-types';
import type { PluginHooks, PluginRecord } from './plugin-hook-types';

/** What a plugin's `register` may add. Pure: register runs before any database exists. */
export interface PluginRegisterApi {
  fieldTypes: {
    /** The name must be `<plugin>:<id>` (e.g. `rating:stars`), so plugins cannot shadow built-ins. */
    register(def: FieldTypeDefinition): void;
  };
  /**
   * Workflow guards and actions (issue 6), named `<plugin>:<id>` like field types. Always
   * present under `loadPlugins`; optional so recording apis written before issue 6 still fit.
   */
  guards?: { register(def: GuardDefinition<any>): void }; // eslint-disable-line @typescript-eslint/no-explicit-any
  actions?: { register(def: ActionDefinition<any>): void }; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Notification channels (issue 9) the notify action's `channels` may name: `<plugin>:<id>` or a short name like `email`. */
  channels?: { register(def: ChannelDefinition): void };
}

/**
 * One plugin (issue 9). `Records` maps entity names to record types (`tessera types` writes
 * `TesseraRecords`), so `definePlugin<TesseraRecords>({ hooks: { customer: … } })` is typed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface PluginDefinition<Records = any> {
  /** Package name, e.g. `@tessera/plugin-rating`; unique among loaded plugins. */
  name: string;
  version: string;
  /** The Tessera versions it supports, as a semver range (`^0.1.0`); checked at load. */
  tessera?: string;
  /** JSON Schema of its per-app settings (an object schema); checked at load, settings validated on enable. */
  settings?: JsonSchema;
  register?(api: PluginRegisterApi): void;
  /** Record hooks keyed by entity name; before-hooks run in the write's transaction and may reject. */
  hooks?: PluginHooks<Records>;
  /** HTTP routes, mounted under `/api/plugins/<name>/`; signed-in users only. */
  routes?(router: PluginRouter<Records>): void;
  /** Recurring jobs on the runtime's job queue; skipped while the plugin is disabled in the app. */
  jobs?: PluginJob<Records>[];
  /** After the database is ready; runs once per process, not per enable. */
  start?(ctx: PluginLifecycleContext): void | Promise<void>;
  stop?(ctx: PluginLifecycleContext): void | Promise<void>;
}

export type { PluginRecord };
