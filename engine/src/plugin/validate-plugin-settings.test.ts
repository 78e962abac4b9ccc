import { definePlugin } from './define-plugin';
import { validatePluginSettings } from './validate-plugin-settings';

const plugin = definePlugin({
  name: '@acme/hooks',
  version: '1.0.0',
  settings: { type: 'object', properties: { url: { type: 'string', format: 'uri' }, retries: { type: 'integer', minimum: 0, default: 3 } }, required: ['url'], additionalProperties: false },
});

describe('validatePluginSettings', () => {
  it('fills in defaults', () => {
    expect(validatePluginSettings(plugin, { url: 'https://x.test' })).toEqual({ ok: true, value: { url: 'https://x.test', retries: 3 } });
  });
  it('names each bad field', () => {
    const result = validatePluginSettings(plugin, { retries: -1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => `${e.field}:${e.rule}`).sort()).toEqual(['settings.retries:minimum', 'settings.url:required']);
  });
  it('takes any object for a plugin without a schema', () => {
    expect(validatePluginSettings({ name: 'x', version: '1.0.0' }, undefined)).toEqual({ ok: true, value: {} });
    expect(validatePluginSettings({ name: 'x', version: '1.0.0' }, [1]).ok).toBe(false);
  });
});
