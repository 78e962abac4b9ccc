// The server side of the engine: what the runtime needs and a browser must never bundle
// (sanitize-html). The SQL planner stays in `./sql`; this entry is for record values.
import { builtinFieldTypes } from './field-types/builtin-field-types';
import type { FieldTypeDefinition } from './field-types/field-type-types';
import { richtextFieldType } from './field-types/richtext';
import { sanitizeRichText } from './field-types/sanitize-rich-text';

export { sanitizeRichText } from './field-types/sanitize-rich-text';

/** richtext with `toDb` sanitizing the HTML, so stored HTML is always safe to render. */
export const serverRichtextFieldType: FieldTypeDefinition = { ...richtextFieldType, toDb: sanitizeRichText };

/**
 * The built-in field types with their server-only hooks; the runtime builds its registry
 * from these (`createFieldTypeRegistry(serverBuiltinFieldTypes)`) and applies `toDb` on write.
 */
export const serverBuiltinFieldTypes: readonly FieldTypeDefinition[] = builtinFieldTypes.map((type) =>
  type.name === richtextFieldType.name ? serverRichtextFieldType : type,
);
