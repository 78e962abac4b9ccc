import type { FieldTypeDefinition } from '@tessera/engine';
import { ratingPlugin } from '@tessera/plugin-rating';
import { fieldTypes as regionFieldTypes } from '@tessera/plugin-region/web';

/**
 * The field types the app's plugins register, collected by running their `register` against a
 * recording API: the browser bundles get exactly what the server's `loadPlugins` registers.
 * The region plugin's server side holds the division data, so its browser entry gives the
 * field type instead (same name and column; the code is checked by shape, the server checks it exists).
 */
export function pluginFieldTypes(): FieldTypeDefinition[] {
  const types: FieldTypeDefinition[] = [];
  for (const plugin of [ratingPlugin]) plugin.register?.({ fieldTypes: { register: (type) => types.push(type) } });
  return [...types, ...regionFieldTypes];
}
