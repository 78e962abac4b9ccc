import type { ComponentType } from 'react';

/** A string plugins show, in both languages of the app. */
export interface PluginText {
  en: string;
  zh: string;
}

/** Calls the plugin's own routes: `fetch('/check?x=1')` → `/api/plugins/<plugin>/check?x=1`, as the signed-in user. */
export type PluginFetch = <T = unknown>(path: string, init?: { method?: string; body?: unknown }) => Promise<T>;
/** Calls any `/api/…` path as the signed-in user (e.g. the aggregate API), with the same error envelope. */
export type ApiFetch = <T = unknown>(path: string) => Promise<T>;

interface ContributionProps {
  /** The user's language: pick a `PluginText`'s `en` or `zh`. */
  locale: 'en' | 'zh';
  fetch: PluginFetch;
  api: ApiFetch;
}

export interface RecordPanelProps extends ContributionProps {
  /** The entity name (`customer`) and its plural (`customers`, for `/api/customers/…`). */
  entity: string;
  plural: string;
  record: Record<string, unknown> & { id: string };
}

export type DashboardCardProps = ContributionProps;

/** A panel on the record page of `entities`, after the related lists. */
export interface RecordPanelContribution {
  /** The plugin's package name: its routes are what `fetch` calls, and its panels hide while it is disabled. */
  plugin: string;
  id: string;
  title: PluginText;
  entities: readonly string[];
  component: ComponentType<RecordPanelProps>;
}

/** A card at the end of the dashboard. */
export interface DashboardCardContribution {
  plugin: string;
  id: string;
  title: PluginText;
  /** The entities (names) the card reads: it shows only to users who may read them all. */
  entities?: readonly string[];
  component: ComponentType<DashboardCardProps>;
}

/** What a plugin's `./web` entry gives the app to compose into `mountApp`. */
export interface PluginUi {
  recordPanels?: readonly RecordPanelContribution[];
  dashboardCards?: readonly DashboardCardContribution[];
}

/** Authoring helpers: return their argument, typed (like `definePlugin`). */
export const defineRecordPanel = (panel: RecordPanelContribution): RecordPanelContribution => panel;
export const defineDashboardCard = (card: DashboardCardContribution): DashboardCardContribution => card;
