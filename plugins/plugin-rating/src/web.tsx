// The browser side of the plugin: React widgets by the widget name their field types use.
import { StarsWidget } from './stars-widget';

export { StarsWidget } from './stars-widget';

export const widgets = { 'rating:stars': StarsWidget };
