import type { FieldTypeDefinition } from '../field-types/field-type-types';
import type { ActionDefinition, GuardDefinition } from '../workflow/workflow-types';

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
}

export interface PluginDefinition {
  /** Package name, e.g. `@tessera/plugin-rating`; unique among loaded plugins. */
  name: string;
  version: string;
  register?(api: PluginRegisterApi): void;
}
