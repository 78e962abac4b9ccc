import { defineFieldType } from '../field-types/define-field-type';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { definePlugin } from './define-plugin';
import { loadPlugins } from './load-plugins';

const badgeType = (name: string) =>
  defineFieldType({ name, label: { en: 'Badge' }, widget: 'text', jsonSchema: () => ({ type: 'string' }), column: () => ({ kind: 'text' }) });

const plugin = (name: string, typeName = 'badge:color') =>
  definePlugin({ name, version: '1.0.0', register: (api) => api.fieldTypes.register(badgeType(typeName)) });

describe('loadPlugins', () => {
  it('registers the field types of each plugin, calling register once', () => {
    const registry = createFieldTypeRegistry();
    let calls = 0;
    const counted = definePlugin({ name: 'counted', version: '1.0.0', register: () => { calls += 1; } });
    loadPlugins([plugin('@acme/badge'), counted], registry);
    expect(registry.has('badge:color')).toBe(true);
    expect(calls).toBe(1);
  });

  it('accepts a plugin without register', () => {
    expect(() => loadPlugins([{ name: 'empty', version: '0.0.1' }], createFieldTypeRegistry())).not.toThrow();
  });

  it('fails by name on a duplicate plugin', () => {
    expect(() => loadPlugins([plugin('@acme/badge'), plugin('@acme/badge', 'badge:other')], createFieldTypeRegistry())).toThrow(
      'Plugin "@acme/badge" is loaded twice',
    );
  });

  it('fails naming plugin and type on a duplicate field type', () => {
    expect(() => loadPlugins([plugin('@acme/badge'), plugin('@acme/badge-2')], createFieldTypeRegistry())).toThrow(
      'Plugin "@acme/badge-2" registers field type "badge:color", which is already registered',
    );
  });

  it('requires plugin field types to be named <plugin>:<id>', () => {
    expect(() => loadPlugins([plugin('@acme/badge', 'text')], createFieldTypeRegistry())).toThrow(
      'Plugin "@acme/badge" registers field type "text": plugin field types must be named "<plugin>:<id>"',
    );
  });
});
