import type { AppDefinition, PermissionsDefinition } from '@tessera/metadata';
import type { FieldTypeDefinition, JsonSchema } from '../field-types/field-type-types';
import type { ChannelDefinition } from '../workflow/channel-types';
import type { ActionDefinition, GuardDefinition } from '../workflow/workflow-types';
import type { PluginJob, PluginLifecycleContext, PluginMigration, PluginRouter } from './plugin-context-types';
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
 * Entities a plugin brings, with their layouts, workflows and role grants: the JSON the
 * designer's module export writes (`GET /api/_meta/export`). Enabling the plugin does not
 * change the schema; an admin reviews the plan and applies it (`/api/_meta/plugins/<name>/package/…`).
 */
export interface PluginPackage {
  format: 'tessera-package';
  version: 1;
  entities: AppDefinition['entities'];
  layouts: AppDefinition['layouts'];
  workflows?: NonNullable<AppDefinition['workflows']>;
  permissions?: PermissionsDefinition;
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
  /**
   * The entities the `'*'` hooks act on under these settings (a plugin configured per entity);
   * absent (or undefined): every entity. Writes of other entities skip the plugin entirely, so
   * they keep the runtime's one-statement path.
   */
  hookEntities?(settings: Record<string, unknown>): readonly string[] | undefined;
  /**
   * The fields of `entity` whose change the plugin's update hooks act on under these settings;
   * absent (or undefined): every field. An update that changes none of them skips the plugin's
   * update hooks, so it keeps the runtime's one-statement path (a dedup plugin has nothing to
   * check when only an amount changes).
   */
  updateFields?(settings: Record<string, unknown>, entity: string): readonly string[] | undefined;
  /** The plugin's own tables (ctx.store), created and changed by these, in order, once per app. */
  migrations?: readonly PluginMigration[];
  /** Entities (a module package) the plugin contributes; added to the app only after an admin confirms the plan. */
  package?: PluginPackage;
  /** HTTP routes, mounted under `/api/plugins/<name>/`; signed-in users only, unless a route opts in to `{ public: true, verify, actAs }`. */
  routes?(router: PluginRouter<Records>): void;
  /** Recurring jobs on the runtime's job queue; skipped while the plugin is disabled in the app. */
  jobs?: PluginJob<Records>[];
  /** After the database is ready; runs once per process, not per enable. */
  start?(ctx: PluginLifecycleContext): void | Promise<void>;
  stop?(ctx: PluginLifecycleContext): void | Promise<void>;
}

export type { PluginRecord };
