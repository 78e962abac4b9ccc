/** Titles for choices a schema leaves untitled, in the reader's language. */
export interface ChoiceTitles {
  text: string;
  perLanguage: string;
  list: string;
  number: string;
}

type Schema = Record<string, unknown>;
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function titleOf(option: Schema, titles: ChoiceTitles): string | undefined {
  if (option.type === 'string') return titles.text;
  if (option.type === 'number' || option.type === 'integer') return titles.number;
  if (option.type === 'array') return titles.list;
  if (option.type === 'object' && isSchema(option.properties) && 'en' in option.properties) return titles.perLanguage;
  return undefined;
}

/**
 * A registry params schema made fit for a generated form: every anyOf/oneOf choice titled (a
 * form otherwise names them "Option 1", "Option 2"), recursively. The schema is not changed.
 */
export function titledChoices(schema: Schema, titles: ChoiceTitles): Schema {
  const out: Schema = { ...schema };
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) {
      out[key] = (schema[key] as unknown[]).map((o) => {
        if (!isSchema(o)) return o;
        const inner = titledChoices(o, titles);
        const title = o.title ?? titleOf(o, titles);
        return title ? { ...inner, title } : inner;
      });
    }
  }
  if (isSchema(schema.properties)) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, isSchema(v) ? titledChoices(v, titles) : v]));
  if (isSchema(schema.items)) out.items = titledChoices(schema.items, titles);
  return out;
}

/**
 * The form's ui schema: list items without a label of their own (a form otherwise labels them
 * "to-1", "users-2"), recursively through properties and items.
 */
export function paramsUiSchema(schema: Schema): Schema {
  const ui: Schema = {};
  if (isSchema(schema.properties)) {
    for (const [k, v] of Object.entries(schema.properties)) {
      if (!isSchema(v)) continue;
      const inner = paramsUiSchema(v);
      if (Object.keys(inner).length) ui[k] = inner;
    }
  }
  if (schema.type === 'array' && isSchema(schema.items)) ui.items = { ...paramsUiSchema(schema.items), 'ui:label': false };
  return ui;
}
