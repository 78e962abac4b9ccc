export { mountApp } from './mount-app';
export type { MountAppOptions } from './mount-app';
export { defineRecordPanel, defineDashboardCard } from './plugins/plugin-ui-types';
export type {
  PluginUi, PluginText, PluginFetch, ApiFetch, RecordPanelContribution, RecordPanelProps, DashboardCardContribution, DashboardCardProps,
} from './plugins/plugin-ui-types';
