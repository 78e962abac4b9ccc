import { widgets as ratingWidgets } from '@tessera/plugin-rating/web';
import { widgets as regionWidgets } from '@tessera/plugin-region/web';

/** The widgets of the app's field-type plugins (`rating:stars`, the `region:cn` cascader), for the app and the designer's preview. */
export const pluginWidgets = { ...ratingWidgets, ...regionWidgets };
