type Schema = Record<string, unknown>;
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

// Texts tried in turn for a string with a pattern: plain text, a snake_case name, a web address;
// each names where it sits (`Sample rules users`), so a test can see which param an editor shows.
const texts = (path: string[]) => [`Sample ${path.join(' ')}`, `sample_${path.join('_')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_'), `https://example.com/${path.join('/')}`];

function text(schema: Schema, path: string[]): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern) : undefined;
  const fits = texts(path).map((s) => s.padEnd(min, 'x').slice(0, max)).find((s) => !pattern || pattern.test(s));
  if (fits === undefined) throw new Error(`no sample text fits the pattern ${String(schema.pattern)}; add a kind of text to params-samples`);
  return fits;
}

function sample(schema: Schema, variant: number, path: string[]): unknown {
  if (Array.isArray(schema.enum)) return schema.enum[variant % schema.enum.length];
  if ('const' in schema) return schema.const;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) return sample(branches[Math.min(variant, branches.length - 1)] as Schema, variant, path);
  }
  switch (schema.type) {
    case 'string': return text(schema, path);
    case 'integer': case 'number': return typeof schema.minimum === 'number' ? schema.minimum + (schema.maximum === schema.minimum ? 0 : 1) : 3;
    case 'boolean': return true;
    case 'array': {
      const item = isSchema(schema.items) ? sample(schema.items, variant, path) : `Sample ${path.join(' ')}`;
      return [item];
    }
    default: {
      const props = isSchema(schema.properties) ? schema.properties : undefined;
      // A free-form map (setFields' fields, createRecord's values): one entry of each JSON kind a person might write.
      if (!props) return schema.additionalProperties === false ? {} : { sample_text: `Sample ${path.join(' ')} value`, sample_number: 3, sample_flag: true };
      return Object.fromEntries(Object.entries(props).filter(([, v]) => isSchema(v)).map(([k, v]) => [k, sample(v as Schema, variant, [...path, k])]));
    }
  }
}

/** How many choices the widest anyOf/oneOf/enum of the schema has: one sample each. */
function width(schema: unknown): number {
  if (!isSchema(schema)) return 1;
  const own = Math.max(
    Array.isArray(schema.enum) ? schema.enum.length : 1,
    Array.isArray(schema.anyOf) ? schema.anyOf.length : 1,
    Array.isArray(schema.oneOf) ? schema.oneOf.length : 1,
  );
  const inner = [
    ...Object.values(isSchema(schema.properties) ? schema.properties : {}),
    schema.items,
    ...((schema.anyOf ?? schema.oneOf ?? []) as unknown[]),
  ].map(width);
  return Math.max(own, ...inner);
}

/**
 * Params objects for a params schema with every property filled in, nested ones too: one per
 * choice of its widest anyOf or enum (the nth takes the nth choice everywhere, or the last).
 * Generated, so a property an action gains is in the samples without anyone listing it.
 */
export function sampleParams(schema: Schema | undefined): Record<string, unknown>[] {
  const s = schema ?? { type: 'object' };
  return Array.from({ length: width(s) }, (_, variant) => sample(s, variant, []) as Record<string, unknown>);
}
