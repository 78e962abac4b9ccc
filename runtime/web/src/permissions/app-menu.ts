import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import type { Capabilities } from '../api/capabilities-api';
import { dashboardCharts } from '../dashboard/dashboard-charts';

/** Whether the user may read `entity` (an entity name); nothing is readable before the capabilities arrive. */
export const canRead = (caps: Capabilities | undefined, entity: string): boolean => Boolean(caps?.entities[entity]?.actions.includes('read'));

/** The menu's entities: those the user may read, in the app's order. */
export const menuEntities = (app: AppDefinition, caps: Capabilities | undefined): EntityDefinition[] =>
  app.entities.filter((e) => canRead(caps, e['x-name']));

/**
 * Whether the user has a dashboard: one of the app's dashboards (the server sends only those
 * with a card the user may see), or, for an app without dashboard definitions, a chart derived
 * from an entity they may read.
 */
export function hasDashboard(app: AppDefinition, caps: Capabilities | undefined): boolean {
  if (app.dashboards) return app.dashboards.length > 0;
  return dashboardCharts(app).some((spec) => canRead(caps, spec.entity['x-name']));
}

/** A landing route from the server, if it is a hash route; the app never navigates elsewhere on its word. */
export const safeLanding = (landing: string | undefined): string | undefined => (landing && /^#\/[\w-]*$/.test(landing) ? landing : undefined);
