import type { JsonSchema } from '@tessera/engine';
import type { LocalizedText } from '@tessera/metadata';

/**
 * The control the keyword form renders for one schema, or undefined when the form cannot
 * edit that shape (the keyword coverage test fails on those). Pure, so the test can ask.
 */
export type KeywordControl =
  | { kind: 'integer' | 'number'; min?: number; max?: number }
  | { kind: 'string'; multiline: boolean }
  | { kind: 'enum'; values: string[] }
  | { kind: 'boolean' }
  | { kind: 'string-list' }
  /** A string or a whole number in one box (a reminder's "P1D or minutes"). */
  | { kind: 'string-or-integer' }
  | { kind: 'object'; children: Array<{ name: string; schema: JsonSchema; control: KeywordControl }>; required: string[] };

export type KeywordValues = Record<string, unknown>;

export function controlFor(schema: JsonSchema): KeywordControl | undefined {
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string')) return { kind: 'enum', values: schema.enum as string[] };
  if (Array.isArray(schema.anyOf)) {
    const types = (schema.anyOf as JsonSchema[]).map((s) => s.type).sort();
    return types.join() === 'integer,string' ? { kind: 'string-or-integer' } : undefined;
  }
  switch (schema.type) {
    case 'integer':
    case 'number':
      return { kind: schema.type, min: schema.minimum as number | undefined, max: schema.maximum as number | undefined };
    case 'string':
      return { kind: 'string', multiline: Number(schema.maxLength ?? 0) > 200 };
    case 'boolean':
      return { kind: 'boolean' };
    case 'array':
      return (schema.items as JsonSchema | undefined)?.type === 'string' ? { kind: 'string-list' } : undefined;
    case 'object': {
      const children = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(([name, child]) => ({ name, schema: child, control: controlFor(child) }));
      if (!children.length || children.some((c) => !c.control)) return undefined;
      return { kind: 'object', children: children as Array<{ name: string; schema: JsonSchema; control: KeywordControl }>, required: (schema.required ?? []) as string[] };
    }
    default:
      return undefined;
  }
}

/** The values at `path` replaced by `value`; undefined removes it, and an emptied object goes too. */
export function setKeywordValue(values: KeywordValues, path: readonly string[], value: unknown): KeywordValues {
  const [head, ...rest] = path;
  const next = { ...values };
  const child = rest.length ? setKeywordValue((values[head] ?? {}) as KeywordValues, rest, value) : value;
  const empty = child === undefined || (rest.length > 0 && Object.keys(child as object).length === 0);
  if (empty) delete next[head];
  else next[head] = child;
  return next;
}

export function getKeywordValue(values: KeywordValues, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as KeywordValues)[key] : undefined), values);
}

/** A problem with one value, for the form to say in the user's language. */
export interface KeywordProblem {
  path: string[];
  code: 'required' | 'minimum' | 'maximum' | 'pattern' | 'minItems' | 'format';
  limit?: number | string;
}

function checkValue(schema: JsonSchema, value: unknown, path: string[]): KeywordProblem[] {
  const control = controlFor(schema);
  if (value === undefined || !control) return [];
  if (control.kind === 'integer' || control.kind === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value) || (control.kind === 'integer' && !Number.isInteger(value))) return [{ path, code: 'format' }];
    if (control.min !== undefined && value < control.min) return [{ path, code: 'minimum', limit: control.min }];
    if (control.max !== undefined && value > control.max) return [{ path, code: 'maximum', limit: control.max }];
    return [];
  }
  if (control.kind === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(String(value))) return [{ path, code: 'pattern', limit: schema.pattern }];
    if (schema.format === 'regex') { try { new RegExp(String(value), 'u'); } catch { return [{ path, code: 'format' }]; } }
    return [];
  }
  if (control.kind === 'string-list') {
    const list = value as string[];
    const pattern = (schema.items as JsonSchema).pattern as string | undefined;
    if (typeof schema.minItems === 'number' && list.length < schema.minItems) return [{ path, code: 'minItems', limit: schema.minItems }];
    return pattern && list.some((item) => !new RegExp(pattern, 'u').test(item)) ? [{ path, code: 'pattern', limit: pattern }] : [];
  }
  if (control.kind === 'string-or-integer') {
    if (typeof value === 'number') return checkValue((schema.anyOf as JsonSchema[]).find((s) => s.type === 'integer')!, value, path);
    return checkValue((schema.anyOf as JsonSchema[]).find((s) => s.type === 'string')!, value, path);
  }
  if (control.kind === 'object') return checkObject(schema, value as KeywordValues, path);
  return [];
}

function checkObject(schema: JsonSchema, values: KeywordValues, path: string[]): KeywordProblem[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const missing = ((schema.required ?? []) as string[]).filter((name) => values[name] === undefined).map((name) => ({ path: [...path, name], code: 'required' as const }));
  return [...missing, ...Object.entries(properties).flatMap(([name, child]) => checkValue(child, values[name], [...path, name]))];
}

/** What publishing would refuse in the values of a keyword schema (required, ranges, patterns). */
export function checkKeywordValues(schema: JsonSchema, values: KeywordValues): KeywordProblem[] {
  return checkObject(schema, values, []);
}

/** The values a new field starts with: the default of each keyword its type requires. */
export function initialKeywordValues(schema: JsonSchema | undefined): KeywordValues {
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  return Object.fromEntries(((schema?.required ?? []) as string[]).filter((k) => properties[k]?.default !== undefined).map((k) => [k, structuredClone(properties[k].default)]));
}

/** The keyword's label in the UI language, else its name. */
export function keywordLabel(schema: JsonSchema, name: string, language: string): string {
  const label = schema['x-label'] as LocalizedText | undefined;
  return (language === 'zh' ? label?.zh : undefined) || label?.en || name;
}
