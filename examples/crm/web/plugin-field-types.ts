import type { FieldTypeDefinition } from '@tessera/engine';
import { ratingPlugin } from '@tessera/plugin-rating';

/**
 * The field types the app's plugins register, collected by running their `register` against a
 * recording API: the browser bundles get exactly what the server's `loadPlugins` registers.
 */
export function pluginFieldTypes(): FieldTypeDefinition[] {
  const types: FieldTypeDefinition[] = [];
  for (const plugin of [ratingPlugin]) plugin.register?.({ fieldTypes: { register: (type) => types.push(type) } });
  return types;
}
