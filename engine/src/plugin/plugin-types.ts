import type { FieldTypeDefinition } from '../field-types/field-type-types';

/** What a plugin's `register` may add. Pure: register runs before any database exists. */
export interface PluginRegisterApi {
  fieldTypes: {
    /** The name must be `<plugin>:<id>` (e.g. `rating:stars`), so plugins cannot shadow built-ins. */
    register(def: FieldTypeDefinition): void;
  };
}

export interface PluginDefinition {
  /** Package name, e.g. `@tessera/plugin-rating`; unique among loaded plugins. */
  name: string;
  version: string;
  register?(api: PluginRegisterApi): void;
}
