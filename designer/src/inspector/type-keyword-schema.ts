import { builtinFieldTypes, type FieldTypeDefinition, type JsonSchema } from '@tessera/engine';
import { controlFor } from './keyword-controls';

/** Keywords the field editor edits by hand, not through the keyword form. */
export const HAND_MADE_KEYWORDS: ReadonlySet<string> = new Set(['x-options', 'x-relation', 'x-unique', 'x-indexed']);

/**
 * The schema of a type's keywords: its own `keywordSchema`, else (a plugin type that only
 * lists `keywords`) one assembled from the built-in types' schemas of the same keywords.
 */
export function typeKeywordSchema(type: FieldTypeDefinition): JsonSchema {
  if (type.keywordSchema) return type.keywordSchema as unknown as JsonSchema;
  const properties: Record<string, JsonSchema> = {};
  for (const keyword of type.keywords ?? []) {
    const known = builtinFieldTypes.find((t) => t.keywordSchema?.properties[keyword])?.keywordSchema?.properties[keyword];
    if (known) {
      const { default: _default, ...shape } = known;
      properties[keyword] = shape;
    }
  }
  return { type: 'object', properties, additionalProperties: false };
}

/** The keywords of `field` the keyword form manages for a type with `schema`. */
export function formKeywords(schema: JsonSchema): string[] {
  return Object.keys((schema.properties ?? {}) as object).filter((k) => !HAND_MADE_KEYWORDS.has(k));
}

/**
 * The keyword paths the keyword form reaches for `types`: every keyword of their schemas that
 * no hand-made editor owns and whose shape the form can render (read by the coverage test).
 */
export function keywordFormPaths(types: readonly FieldTypeDefinition[]): string[] {
  const paths = new Set<string>();
  for (const type of types) {
    const schema = typeKeywordSchema(type);
    for (const keyword of formKeywords(schema)) {
      if (controlFor((schema.properties as Record<string, JsonSchema>)[keyword])) paths.add(`field.${keyword}`);
    }
  }
  return [...paths];
}
