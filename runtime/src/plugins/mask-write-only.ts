import type { JsonSchema } from '@tessera/engine';

/** Shown instead of a write-only setting (a password, a signing secret). */
export const MASK = '***';

type Settings = Record<string, unknown>;
const isObject = (v: unknown): v is Settings => typeof v === 'object' && v !== null && !Array.isArray(v);
const propertiesOf = (schema: JsonSchema | undefined): Record<string, JsonSchema> => ((schema as { properties?: Record<string, JsonSchema> } | undefined)?.properties ?? {});

/** A copy of `settings` with every value whose schema says `writeOnly: true` replaced by `***`: the admin API never lists secrets. */
export function maskWriteOnly(schema: JsonSchema | undefined, settings: Settings): Settings {
  const out: Settings = { ...settings };
  for (const [name, sub] of Object.entries(propertiesOf(schema))) {
    if (!(name in out)) continue;
    if ((sub as { writeOnly?: boolean }).writeOnly) out[name] = MASK;
    else if (isObject(out[name])) out[name] = maskWriteOnly(sub, out[name] as Settings);
  }
  return out;
}

/**
 * `next` with write-only values the admin left out or sent back as `***` taken from `current`,
 * so saving the listed settings does not replace a password with its mask.
 */
export function keepWriteOnly(schema: JsonSchema | undefined, next: unknown, current: Settings | undefined): unknown {
  if (!isObject(next) || !current) return next;
  const out: Settings = { ...next };
  for (const [name, sub] of Object.entries(propertiesOf(schema))) {
    if ((sub as { writeOnly?: boolean }).writeOnly) {
      if ((out[name] === undefined || out[name] === MASK) && current[name] !== undefined) out[name] = current[name];
    } else if (isObject(out[name]) && isObject(current[name])) {
      out[name] = keepWriteOnly(sub, out[name], current[name] as Settings);
    }
  }
  return out;
}
