import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MetadataFile } from '@tessera/metadata';

const FOLDERS: Array<{ dir: string; suffix: string }> = [
  { dir: 'entities', suffix: '.entity.json' },
  { dir: 'layouts', suffix: '.layout.json' },
  { dir: 'workflows', suffix: '.workflow.json' },
  { dir: 'views', suffix: '.view.json' },
  { dir: 'dashboards', suffix: '.dashboard.json' },
  { dir: 'metrics', suffix: '.metric.json' },
];

async function listFiles(dir: string, suffix: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith(suffix)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/**
 * The metadata files of an app folder — `app.json`, `entities/*.entity.json`,
 * `layouts/*.layout.json` — with paths relative to the folder, as error messages show them.
 */
export async function readAppDir(appDir: string): Promise<MetadataFile[]> {
  const appJson = path.join(appDir, 'app.json');
  let text: string;
  try {
    text = await readFile(appJson, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`No app.json in ${path.resolve(appDir)}: is this an app folder?`);
    throw err;
  }
  const files: MetadataFile[] = [{ path: 'app.json', text }];
  for (const { dir, suffix } of FOLDERS) {
    for (const name of await listFiles(path.join(appDir, dir), suffix)) {
      files.push({ path: `${dir}/${name}`, text: await readFile(path.join(appDir, dir, name), 'utf8') });
    }
  }
  // Role permissions (issue 5): one optional file beside app.json.
  const permissions = await readFile(path.join(appDir, 'permissions.json'), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (permissions !== undefined) files.push({ path: 'permissions.json', text: permissions });
  return files;
}
