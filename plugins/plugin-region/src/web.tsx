// The browser side of the plugin: no division data here, only the widget that asks the route.
import { RegionWidget } from './region-widget';

export { RegionWidget, levelsOf, REGIONS_URL } from './region-widget';

export const widgets = { 'region:cn': RegionWidget };
