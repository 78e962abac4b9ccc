// The browser side of the plugin: no division data here, only the widget that asks the route
// and the field type checked by shape (the server checks the code exists).
import { REGION_CODE_SHAPE, regionFieldTypeWith } from './region-field-shape';
import { RegionWidget } from './region-widget';

export { RegionWidget, levelsOf, REGIONS_URL } from './region-widget';

export const widgets = { 'region:cn': RegionWidget };

/** For `mountApp`/`mountDesigner`'s `fieldTypes`: forms and the designer palette know `region:cn`. */
export const fieldTypes = [regionFieldTypeWith(() => REGION_CODE_SHAPE)];
