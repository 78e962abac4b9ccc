/**
 * The files `tessera plugin new` writes. Kept apart from the command so the command stays
 * about folders and errors, and the templates can be read as the plugin a user will get.
 */
export interface PluginTemplateInput {
  /** The short name, e.g. `vip`. */
  name: string;
  /** The npm package name, e.g. `@tessera/plugin-vip`. */
  packageName: string;
  /** The Tessera version the plugin is written against (its `tessera` range is `^` it). */
  tesseraVersion: string;
}

export function pluginTemplateFiles(input: PluginTemplateInput): Record<string, string> {
  const { name, packageName, tesseraVersion } = input;
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'package.json': json({
      name: packageName,
      version: '0.1.0',
      private: true,
      description: `The ${name} plugin for Tessera.`,
      main: 'src/index.ts',
      types: 'src/index.ts',
      exports: { '.': './src/index.ts' },
      scripts: { build: 'tsc -p tsconfig.json --noEmit' },
      dependencies: { '@tessera/engine': tesseraVersion },
      devDependencies: { '@tessera/metadata': tesseraVersion, '@tessera/runtime': tesseraVersion },
    }),
    'tsconfig.json': json({ extends: '../../tsconfig.base.json', include: ['src'] }),
    'src/index.ts': `import { definePlugin } from '@tessera/engine';

/**
 * ${packageName}: stamps every new record of the configured entity with a note.
 * Replace the hook with yours; docs/plugins.md lists every hook, route and setting.
 */
export const plugin = definePlugin({
  name: '${packageName}',
  version: '0.1.0',
  tessera: '^${tesseraVersion}',
  settings: {
    type: 'object',
    properties: {
      entity: { type: 'string', default: 'customer' },
      note: { type: 'string', default: 'created with ${name}' },
    },
  },
  hooks: {
    '*': {
      beforeCreate(ctx) {
        if (ctx.entity !== ctx.settings.entity) return;
        ctx.data.notes = String(ctx.settings.note);
      },
    },
  },
});

export default plugin;
`,
    'src/index.test.ts': `import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import plugin from './index';

const app: AppDefinition = {
  name: 'plugin_${name.replace(/-/g, '_')}_test',
  label: { en: 'Plugin test' },
  layouts: [],
  entities: [
    {
      type: 'object',
      'x-name': 'customer',
      'x-plural': 'customers',
      'x-label': { en: 'Customer' },
      required: ['name'],
      properties: {
        name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
        notes: { 'x-id': 'f_notes', 'x-type': 'textarea', 'x-label': { en: 'Notes' } },
      },
    },
  ],
};

forEachDatabase('${packageName}', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app, plugins: [plugin], databaseUrl: getCtx().databaseUrl });
  }, 60_000);
  afterAll(() => rt?.close());

  it('runs its beforeCreate hook on new customers', async () => {
    const res = await rt.admin.call('POST', '/api/customers', { name: 'Acme' });
    expect(res.status).toBe(201);
    expect(res.body.data.notes).toBe('created with ${name}');
  });

  it('stops running once an admin disables it', async () => {
    expect((await rt.admin.call('POST', '/api/_meta/plugins/${packageName}/disable')).status).toBe(200);
    const res = await rt.admin.call('POST', '/api/customers', { name: 'Plain' });
    expect(res.body.data.notes ?? null).toBeNull();
  });
});
`,
    'README.md': `# ${packageName}

A Tessera plugin. Add \`"${packageName}"\` to an app's \`plugins\` in \`app.json\`.

- \`src/index.ts\`: the plugin (\`definePlugin\`); see docs/plugins.md for hooks, routes and settings.
- \`src/index.test.ts\`: its tests, against a real runtime on PGlite (and PostgreSQL when
  \`TEST_DATABASE_URL\` is set): \`npx jest plugins/plugin-${name}\`.
`,
  };
}
