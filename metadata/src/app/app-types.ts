import type { EntityDefinition } from '../entity/entity-types';
import type { LocalizedText } from '../i18n-types';
import type { LayoutDefinition } from '../layout/layout-types';
import type { WorkflowDefinition } from '../workflow/workflow-types';
import type { PermissionsDefinition } from '../permission/permission-types';
import type { ViewDefinition } from '../view/view-types';
import type { DashboardDefinition } from '../dashboard/dashboard-types';
import type { MetricDefinition } from '../metric/metric-types';

/** A set of metadata: what one workspace runs. Stored as files (examples/) or in the database. */
export interface AppDefinition {
  /** snake_case; also names the PostgreSQL schema (`app_{name}`). */
  name: string;
  label: LocalizedText;
  /**
   * Plugins the app loads: a package name (`@tessera/plugin-rating`) or `{ name, settings }`
   * with initial settings. Read names through `appPluginNames` (app-plugins.ts).
   */
  plugins?: AppPluginEntry[];
  entities: EntityDefinition[];
  layouts: LayoutDefinition[];
  /** State machines bound to entities' select fields (issue 6); on disk `workflows/*.workflow.json`. */
  workflows?: WorkflowDefinition[];
  /** Roles' access to entities, records and fields (issue 5); on disk `permissions.json`. Absent: every signed-in user may do everything. */
  permissions?: PermissionsDefinition;
  /** List and kanban views (issue 7); on disk `views/*.view.json`. */
  views?: ViewDefinition[];
  /** Dashboards of chart cards (issue 8); on disk `dashboards/*.dashboard.json`. */
  dashboards?: DashboardDefinition[];
  /** Business measures over the records (issue 21); on disk `metrics/*.metric.json`. */
  metrics?: MetricDefinition[];
}

/** A plugin the app loads, with the settings it starts with while the app has none stored (ADR 0024). */
export interface AppPluginConfig {
  name: string;
  settings?: Record<string, unknown>;
}

export type AppPluginEntry = string | AppPluginConfig;

/** One file of an app on disk or in an upload: its path (for error messages) and raw text. */
export interface MetadataFile {
  path: string;
  text: string;
}
