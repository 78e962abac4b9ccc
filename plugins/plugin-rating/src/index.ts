import { definePlugin } from '@tessera/engine';
import { starsFieldType } from './stars-field-type';

export { starsFieldType, MAX_STARS } from './stars-field-type';

export const ratingPlugin = definePlugin({
  name: '@tessera/plugin-rating',
  version: '0.1.0',
  register(api) {
    api.fieldTypes.register(starsFieldType);
  },
});

export default ratingPlugin;
