import type { JsonSchema } from '@tessera/engine';
import { META_SCHEMAS } from '@tessera/metadata';

type Root = keyof typeof META_SCHEMAS;
const FILES: Record<string, Root> = Object.fromEntries(Object.keys(META_SCHEMAS).map((root) => [`${root}.schema.json`, root as Root]));

/**
 * Every keyword path of the meta-schemas, such as `entity.x-indexes[].unique` or
 * `workflow.machine.states.*.approval.summary`: `[]` is an array's items, `*` a map's values.
 * A reference to another meta-schema (an app's entities) is that schema's own root, and a
 * localized text is one keyword (its en/zh are not paths of their own).
 */
export function metaSchemaKeywordPaths(): string[] {
  const paths = new Set<string>();
  const walk = (root: Root, schema: JsonSchema, prefix: string, seen: Set<string>) => {
    const ref = schema.$ref as string | undefined;
    if (ref) {
      const [file, pointer] = ref.split('#');
      const target = file ? FILES[file] : root;
      if (!target || (file && !pointer)) return; // another meta-schema: walked from its own root
      if (pointer === '/$defs/localizedText') return;
      const key = `${target}#${pointer}@${prefix}`;
      if (seen.has(key)) return;
      const def = pointer.split('/').slice(1).reduce<JsonSchema>((s, part) => s[part] as JsonSchema, META_SCHEMAS[target] as unknown as JsonSchema);
      walk(target, def, prefix, new Set([...seen, key]));
      return;
    }
    for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
      const path = `${prefix}.${name}`;
      paths.add(path);
      if (child && typeof child === 'object') walk(root, child, path, seen);
    }
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') walk(root, schema.additionalProperties as JsonSchema, `${prefix}.*`, seen);
    if (schema.items && typeof schema.items === 'object') walk(root, schema.items as JsonSchema, `${prefix}[]`, seen);
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) for (const branch of (schema[key] ?? []) as JsonSchema[]) walk(root, branch, prefix, seen);
    for (const key of ['if', 'then', 'else'] as const) if (schema[key] && typeof schema[key] === 'object') walk(root, schema[key] as JsonSchema, prefix, seen);
  };
  for (const root of Object.keys(META_SCHEMAS) as Root[]) walk(root, META_SCHEMAS[root] as unknown as JsonSchema, root, new Set());
  return [...paths].sort();
}

/** Whether the declared path `editor` reaches `path`: the same keyword, or one inside it. */
export function reaches(editor: string, path: string): boolean {
  if (path === editor || path.startsWith(`${editor}.`) || path.startsWith(`${editor}[`)) return true;
  // A declared `*` stands for any key of a map (a state's name).
  const pattern = new RegExp(`^${editor.replace(/[.[\]]/g, '\\$&').replace(/\\\.\*/g, '\\.[^.\\[]+')}($|[.[])`);
  return pattern.test(path);
}
