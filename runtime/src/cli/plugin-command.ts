import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TESSERA_VERSION } from '@tessera/engine';
import type { CliIo } from './cli-types';
import { pluginTemplateFiles } from './plugin-templates';

const NAME = /^[a-z][a-z0-9-]{0,49}$/;

/**
 * `tessera plugin new <name> [--dir pluginsDir]`: writes `<pluginsDir>/plugin-<name>/`, a
 * workspace package with a `definePlugin` entry and a test that boots a real runtime with it.
 * Refuses to touch an existing folder: a scaffold never overwrites someone's work.
 */
export async function pluginCommand(action: string | undefined, name: string | undefined, opts: { dir: string }, io: CliIo): Promise<number> {
  if (action !== 'new') {
    io.err(`tessera plugin: unknown action "${action ?? ''}"; use: tessera plugin new <name> [--dir pluginsDir]`);
    return 1;
  }
  if (!name || !NAME.test(name)) {
    io.err(`tessera plugin new: the name "${name ?? ''}" must be lowercase letters, digits and dashes, starting with a letter (e.g. "vip")`);
    return 1;
  }
  const short = name.replace(/^plugin-/, '');
  const target = path.join(opts.dir, `plugin-${short}`);
  if (await exists(target)) {
    io.err(`tessera plugin new: ${target} already exists; pick another name or remove it`);
    return 1;
  }
  const files = pluginTemplateFiles({ name: short, packageName: `@tessera/plugin-${short}`, tesseraVersion: TESSERA_VERSION });
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(target, file)), { recursive: true });
    await writeFile(path.join(target, file), content, { flag: 'wx' });
  }
  io.out(`Wrote ${target} (@tessera/plugin-${short})`);
  io.out(`Next: npm install (links the workspace), then npx jest ${path.relative(process.cwd(), target) || target}`);
  return 0;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
