import { validateApp } from '../validation/validate-app';
import { appPluginNames, appPluginSettings } from './app-plugins';

const app = (plugins: unknown) => ({ name: 'crm', label: { en: 'CRM' }, entities: [], layouts: [], plugins });

describe('app.json plugin entries (names or { name, settings })', () => {
  it('reads names from both forms and settings only from objects', () => {
    const plugins = ['@tessera/plugin-rating', { name: '@tessera/plugin-dedup', settings: { mergeRoles: ['admin'] } }, { name: '@tessera/plugin-region' }];
    expect(validateApp(app(plugins)).ok).toBe(true);
    expect(appPluginNames(plugins)).toEqual(['@tessera/plugin-rating', '@tessera/plugin-dedup', '@tessera/plugin-region']);
    expect([...appPluginSettings(plugins)]).toEqual([['@tessera/plugin-dedup', { mergeRoles: ['admin'] }]]);
  });

  it('skips what is not an entry when reading leniently (unvalidated app.json)', () => {
    expect(appPluginNames(['a', 3, null, {}, { name: '' }, { name: 'b' }])).toEqual(['a', 'b']);
    expect(appPluginNames(undefined)).toEqual([]);
  });

  it('rejects an entry without a name, unknown keys, settings that are not an object and an empty name', () => {
    const result = validateApp(app([{ settings: {} }, { name: 'x', setting: {} }, { name: 'y', settings: [] }, '', 5]));
    expect(result.ok ? [] : result.errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/plugins/0', 'missing-property'],
      ['/plugins/1/setting', 'unknown-property'],
      ['/plugins/2/settings', 'wrong-type'],
      ['/plugins/3', 'empty-value'],
      ['/plugins/4', 'wrong-type'],
    ]);
  });

  it('rejects a plugin listed twice, by name and as an object', () => {
    const result = validateApp(app(['@tessera/plugin-dedup', { name: '@tessera/plugin-dedup', settings: {} }]));
    expect(result.ok ? [] : result.errors).toMatchObject([{ pointer: '/plugins/1', code: 'duplicate-plugin', message: 'The plugin "@tessera/plugin-dedup" is listed twice in the plugin list.' }]);
  });
});
