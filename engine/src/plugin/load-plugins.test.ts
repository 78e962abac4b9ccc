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

describe('loadPlugins: what issue 9 checks at load', () => {
  const load = (extra: object) => () => loadPlugins([{ name: '@acme/x', version: '1.0.0', ...extra }], createFieldTypeRegistry());

  it('accepts a supported tessera range and refuses another, naming both', () => {
    expect(load({ tessera: '^0.1.0' })).not.toThrow();
    expect(load({ tessera: '^2.0.0' })).toThrow('Plugin "@acme/x" supports Tessera ^2.0.0, but this is Tessera 0.1.0');
    expect(load({ tessera: 'latest' })).toThrow('Plugin "@acme/x" declares an unreadable tessera range "latest"');
  });

  it('checks the settings schema compiles and is an object schema', () => {
    expect(load({ settings: { type: 'object', properties: { url: { type: 'string' } } } })).not.toThrow();
    expect(load({ settings: { type: 'string' } })).toThrow('Plugin "@acme/x" has a settings schema that is not { type: "object", … }');
    expect(load({ settings: { type: 'object', properties: { n: { type: 'nonsense' } } } })).toThrow('Plugin "@acme/x" has an invalid settings schema');
  });

  it('refuses an unknown hook name', () => {
    expect(load({ hooks: { customer: { beforeCreate: () => undefined } } })).not.toThrow();
    expect(load({ hooks: { customer: { beforeSave: () => undefined } } })).toThrow('Plugin "@acme/x" has an unknown hook "beforeSave" on "customer"');
  });

  it('checks the shape of jobs: name, unique, a five-field cron, a run function', () => {
    const run = async () => undefined;
    expect(load({ jobs: [{ name: 'nightly-sync', cron: '0 2 * * *', run }] })).not.toThrow();
    expect(load({ jobs: {} })).toThrow('Plugin "@acme/x" has "jobs" that is not an array');
    expect(load({ jobs: [{ name: 'Nightly', cron: '0 2 * * *', run }] })).toThrow('Plugin "@acme/x" has a job (jobs[0]) named "Nightly": job names are lowercase');
    expect(load({ jobs: [{ name: 'a', cron: '0 2 * * *', run }, { name: 'a', cron: '0 3 * * *', run }] })).toThrow('Plugin "@acme/x" has two jobs named "a"');
    expect(load({ jobs: [{ name: 'a', cron: 'daily', run }] })).toThrow('Plugin "@acme/x" has a job "a" whose cron "daily" is not a cron expression');
    expect(load({ jobs: [{ name: 'a', cron: '0 2 * * *' }] })).toThrow('Plugin "@acme/x" has a job "a" without a run function');
  });
});
