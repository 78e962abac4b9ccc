import type { EntityDefinition } from '../entity/entity-types';
import type { LocalizedText } from '../i18n-types';
import type { LayoutDefinition } from '../layout/layout-types';

/** A set of metadata: what one workspace runs. Stored as files (examples/) or in the database. */
export interface AppDefinition {
  /** snake_case; also names the PostgreSQL schema (`app_{name}`). */
  name: string;
  label: LocalizedText;
  /** Plugin names the app loads, e.g. `@tessera/plugin-rating`. */
  plugins?: string[];
  entities: EntityDefinition[];
  layouts: LayoutDefinition[];
}

/** One file of an app on disk or in an upload: its path (for error messages) and raw text. */
export interface MetadataFile {
  path: string;
  text: string;
}
