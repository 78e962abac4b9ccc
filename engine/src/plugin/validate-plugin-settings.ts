import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { PluginDefinition } from './plugin-types';

export type PluginSettingsResult = { ok: true; value: Record<string, unknown> } | { ok: false; errors: { field: string; rule: string; message: string }[] };

const ajv = new Ajv2020({ allErrors: true, useDefaults: true, strict: false });
addFormats(ajv);

/** One app's settings for `plugin`, checked against its schema with the schema's defaults filled in. */
export function validatePluginSettings(plugin: PluginDefinition, settings: unknown): PluginSettingsResult {
  const value = structuredClone(settings ?? {}) as Record<string, unknown>;
  if (!plugin.settings) {
    return typeof value === 'object' && !Array.isArray(value) && value !== null
      ? { ok: true, value }
      : { ok: false, errors: [{ field: 'settings', rule: 'type', message: 'must be an object' }] };
  }
  const validate = ajv.compile(plugin.settings);
  if (validate(value)) return { ok: true, value };
  return {
    ok: false,
    errors: (validate.errors ?? []).map((e) => ({
      field: ['settings', ...e.instancePath.split('/').filter(Boolean), ...(e.keyword === 'required' ? [String(e.params.missingProperty)] : [])].join('.'),
      rule: e.keyword,
      message: e.message ?? 'is invalid',
    })),
  };
}
